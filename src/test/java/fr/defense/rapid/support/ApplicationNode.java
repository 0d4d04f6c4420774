package fr.defense.rapid.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

/**
 * The application in a JVM of its own, as a node of a deployment: started from the test JVM's
 * classpath (our classes as built, without the tests'), with the given settings, on a port of its
 * own; answers once {@code /engine-rest/engine} does. {@link #kill()} is {@code kill -9}: no
 * shutdown hook, no rollback, no goodbye to the SMTP server. Its output goes to
 * {@code target/nodes/<name>.log}.
 */
public final class ApplicationNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ApplicationNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node with these settings (each passed as {@code --key=value}; {@code server.port} is
     * chosen here) and waits until it answers.
     */
    public static ApplicationNode start(String name, Map<String, String> settings) {
        int port = freePort();
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.put("server.port", String.valueOf(port));
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "@" + classpathArgumentFile(),
                    "fr.defense.rapid.RapidBpmApplication"));
            all.forEach((key, value) -> command.add("--" + key + "=" + value));
            Path log = Files.createDirectories(Path.of("target", "nodes")).resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            ApplicationNode node = new ApplicationNode(name, port, process, log);
            node.awaitAnswer();
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start node " + name, e);
        }
    }

    public int port() {
        return port;
    }

    public Http http() {
        return new Http(port);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A clean stop, as a service manager stops it (SIGTERM: Spring closes the application). */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whatever state it is in: a test that ends early leaves no node behind. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitAnswer() {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/engine"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "Node " + name + " stopped while starting (exit " + process.exitValue() + "):\n" + logTail());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause();
        }
        kill();
        throw new IllegalStateException("Node " + name + " did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A {@code java @file} argument file holding {@code -cp <classpath>}: the test JVM's classpath
     * (Surefire puts it in the manifest of a jar of its own), without the test classes, which the
     * application would otherwise scan for components. Too long for a command line otherwise.
     */
    private static synchronized Path classpathArgumentFile() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.addAll(expand(Path.of(entry)));
        }
        String classpath = entries.stream()
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        Path file = Files.createDirectories(Path.of("target", "nodes")).resolve("classpath.args");
        Files.writeString(file, "-cp \"" + classpath + "\"\n");
        return file.toAbsolutePath();
    }

    /** A jar whose manifest names the classpath (Surefire's booter): its entries; anything else: itself. */
    private static List<String> expand(Path entry) throws IOException {
        if (!entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return List.of(entry.toString());
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            Manifest manifest = jar.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || !entry.getFileName().toString().startsWith("surefire")) {
                return List.of(entry.toString());
            }
            return Arrays.stream(classPath.trim().split("\\s+"))
                    .map(item -> Path.of(
                                    entry.toAbsolutePath().getParent().toUri().resolve(item))
                            .toString())
                    .toList();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
