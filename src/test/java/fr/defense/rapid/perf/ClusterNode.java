package fr.defense.rapid.perf;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node of the rehearsed cluster: the application's jar in a JVM of its own, as production runs
 * it ({@code postgres,demo} profiles), its output in {@code <logDir>/<name>.log}. Killed with
 * {@link #kill()} (SIGKILL, as {@code kill -9}), started again with {@link #start()}.
 */
final class ClusterNode {

    final String name;
    final int port;
    private final List<String> command = new ArrayList<>();
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ClusterNode(
            String name,
            int port,
            Path jar,
            List<String> jvmOptions,
            List<String> settings,
            Map<String, String> environment,
            Path logDir) {
        this.name = name;
        this.port = port;
        this.environment = environment;
        this.log = logDir.resolve(name + ".log");
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=postgres,demo"));
        command.add("--server.port=" + port);
        // The engine's host name is written in its job log (ACT_HI_JOB_LOG.HOSTNAME_): which node ran which job.
        command.add("--camunda.bpm.generic-properties.properties.hostname=" + name);
        command.addAll(settings);
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the node answers over HTTP (the engine REST API's open endpoint). */
    void awaitUp(Duration timeout) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped while starting (exit " + process.exitValue() + "), see " + log);
            }
            try {
                HttpResponse<Void> engine = client.send(
                        HttpRequest.newBuilder(URI.create(url() + "/engine-rest/engine"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (engine.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + ", see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no job executor shutdown, locks left as they are. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    @Override
    public String toString() {
        return name + " (:" + port + ")";
    }
}
