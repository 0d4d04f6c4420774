package fr.defense.rapid.perf;

import fr.defense.rapid.perf.Load.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The procedure's throughput against the bare engine's, over HTTP against a running application
 * (docs/performance.md, « Procedure throughput »): submission against a bare start, task completion
 * (an expert's evaluation through {@code /engine-rest}, an SME's task through {@code /api/tasks}) against
 * completing the bare task, the whole procedure to grant awarded, the job executor draining queued
 * acknowledgments, and the heap after a full GC before and after many lifecycles. Each concurrency
 * (1, 4, 16 clients) in interleaved rounds: ours and the bare engine's measured back to back, so that
 * the machine's load weighs on both. Prints one Markdown table; nothing is asserted. Run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.defense.rapid.perf.ProcedureBenchmark -Dbenchmark.url=http://localhost:8080 \
 *   -Dbenchmark.pid=$(pgrep -f rapid-bpm-0.1.0-SNAPSHOT.jar)
 * </pre>
 *
 * Settings (system properties): {@code benchmark.clients} (1,4,16), {@code benchmark.rounds} (2),
 * {@code benchmark.starts} per round and concurrency (200), {@code benchmark.tasks} per round and
 * concurrency and kind (100), {@code benchmark.lifecycles} per round and concurrency (20),
 * {@code benchmark.queued} acknowledgments (2000; 0 to skip), {@code benchmark.pid} of the application for
 * the heap ({@code jcmd}, same user; none: skipped), {@code benchmark.memory-lifecycles} (1000),
 * {@code benchmark.database} (the application's JDBC URL: {@code ANALYZE} before each concurrency, as
 * autovacuum would; none: skipped).
 */
public final class ProcedureBenchmark {

    private ProcedureBenchmark() {}

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("benchmark.url", "http://localhost:8080");
        int[] concurrencies = Arrays.stream(
                        System.getProperty("benchmark.clients", "1,4,16").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim()))
                .toArray();
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        int starts = Integer.getInteger("benchmark.starts", 200);
        int tasks = Integer.getInteger("benchmark.tasks", 100);
        int lifecycles = Integer.getInteger("benchmark.lifecycles", 20);
        int queued = Integer.getInteger("benchmark.queued", 2000);
        String pid = System.getProperty("benchmark.pid", "");
        int memoryLifecycles = Integer.getInteger("benchmark.memory-lifecycles", 1000);
        String database = System.getProperty("benchmark.database", "");

        ProcedureScenarios scenarios = new ProcedureScenarios(new RapidClient(url));
        scenarios.deployBareModel();
        Results results = new Results();

        log("warm-up");
        warmUp(scenarios);
        for (int round = 1; round <= rounds; round++) {
            for (int clients : concurrencies) {
                analyze(database);
                log("round " + round + ", " + clients + " clients");
                results.add("bare start", clients, Load.run(clients, starts, i -> scenarios.bareStart()));
                results.add("submission", clients, Load.run(clients, starts, i -> scenarios.submit()));
                List<String> bare = Load.prepare(8, tasks, i -> scenarios.bareTask());
                List<String> evaluations = Load.prepare(8, tasks, i -> scenarios.evaluationTask());
                List<String> smeTasks = Load.prepare(8, tasks, i -> scenarios.smeTask());
                results.add(
                        "bare task completion",
                        clients,
                        Load.run(clients, tasks, i -> scenarios.completeBare(bare.get(i))));
                results.add(
                        "evaluation completion (/engine-rest)",
                        clients,
                        Load.run(clients, tasks, i -> scenarios.completeEvaluation(evaluations.get(i))));
                results.add(
                        "SME task completion (/api/tasks)",
                        clients,
                        Load.run(clients, tasks, i -> scenarios.completeSmeTask(smeTasks.get(i))));
                results.add(
                        "lifecycle to grant awarded",
                        clients,
                        Load.run(clients, lifecycles, i -> scenarios.lifecycle()));
            }
        }

        System.out.println();
        System.out.println(
                "| scenario | clients | count | per second | p50 ms | p95 ms | p99 ms | max ms | not 2xx | ratio to bare (per round) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        // -Dbenchmark.rounds=0: the job executor and the memory only.
        for (int clients : rounds > 0 ? concurrencies : new int[0]) {
            results.print("bare start", clients, null);
            results.print("submission", clients, "bare start");
            results.print("bare task completion", clients, null);
            results.print("evaluation completion (/engine-rest)", clients, "bare task completion");
            results.print("SME task completion (/api/tasks)", clients, "bare task completion");
            results.print("lifecycle to grant awarded", clients, null);
        }
        if (queued > 0) {
            log("queueing " + queued + " acknowledgments");
            ProcedureScenarios.Drain drain = scenarios.queueAndDrain(queued, 8);
            System.out.printf(
                    "| job executor: %d queued acknowledgments drained (%d jobs) | | %d | %.0f jobs/s, %.0f notifications/s | | | | %.1f s in all | | |%n",
                    drain.dossiers().size(),
                    drain.jobs(),
                    drain.jobs(),
                    drain.jobsPerSecond(),
                    drain.notificationsPerSecond(),
                    drain.drainNanos() / 1e9);
        }
        if (!pid.isBlank()) {
            long before = heapAfterFullGc(pid);
            log("memory: " + memoryLifecycles + " lifecycles at 4 clients");
            Run run = Load.run(4, memoryLifecycles, i -> scenarios.lifecycle());
            long after = heapAfterFullGc(pid);
            System.out.printf(
                    "| heap after full GC: before %d lifecycles / after | | %d | %.1f lifecycles/s | | | | %d MB / %d MB | | |%n",
                    memoryLifecycles, memoryLifecycles, run.perSecond(), before >> 20, after >> 20);
        }
    }

    /** A few of everything, unrecorded: the JIT, the caches and the connection pools warm. */
    private static void warmUp(ProcedureScenarios scenarios) {
        Load.run(4, 40, i -> scenarios.bareStart());
        Load.run(4, 40, i -> scenarios.submit());
        List<String> bare = Load.prepare(4, 10, i -> scenarios.bareTask());
        List<String> evaluations = Load.prepare(4, 10, i -> scenarios.evaluationTask());
        List<String> smeTasks = Load.prepare(4, 10, i -> scenarios.smeTask());
        Load.run(4, 10, i -> scenarios.completeBare(bare.get(i)));
        Load.run(4, 10, i -> scenarios.completeEvaluation(evaluations.get(i)));
        Load.run(4, 10, i -> scenarios.completeSmeTask(smeTasks.get(i)));
        Load.run(4, 4, i -> scenarios.lifecycle());
    }

    /**
     * Gives the planner fresh statistics ({@code ANALYZE}), as autovacuum would on a production server, when
     * {@code benchmark.database} names the application's database (a JDBC URL; user {@code
     * benchmark.database-user}, postgres). The tables grow by thousands of rows during a run: a server with
     * autovacuum off (as this machine's CI configuration has it) keeps planning on a fresh database's
     * empty statistics, and the engine's fetch of an execution's variables then scans a growing index of
     * every variable (docs/performance.md).
     */
    private static void analyze(String database) throws SQLException {
        if (database.isBlank()) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(
                        database, System.getProperty("benchmark.database-user", "postgres"), "");
                Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }

    /**
     * The application's heap in use after a full GC, in bytes: {@code jcmd <pid> GC.run}, then the
     * {@code used} figure of {@code GC.heap_info}'s first line (the whole heap, for G1 and the others).
     */
    static long heapAfterFullGc(String pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("No heap figure in: " + info);
        }
        return Long.parseLong(used.group(1)) * 1024;
    }

    private static String jcmd(String pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("jcmd", pid, command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + ": " + output);
        }
        return output;
    }

    private static void log(String what) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), what);
    }

    /** The runs of each scenario and concurrency, over the rounds. */
    private static final class Results {

        private final Map<String, Map<Integer, List<Run>>> runs = new LinkedHashMap<>();

        void add(String scenario, int clients, Run run) {
            runs.computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                    .computeIfAbsent(clients, c -> new ArrayList<>())
                    .add(run);
            System.err.printf("  %s: %.1f/s%n", scenario, run.perSecond());
        }

        void print(String scenario, int clients, String bareScenario) {
            List<Run> mine = runs.get(scenario).get(clients);
            double[] millis = mine.stream()
                    .flatMap(run -> run.samples().stream())
                    .mapToDouble(sample -> sample.nanos() / 1e6)
                    .sorted()
                    .toArray();
            long failed = mine.stream()
                    .flatMap(run -> run.samples().stream())
                    .filter(sample -> sample.status() < 200 || sample.status() > 299)
                    .count();
            String ratio = "";
            if (bareScenario != null) {
                List<Run> bare = runs.get(bareScenario).get(clients);
                List<String> perRound = new ArrayList<>();
                for (int i = 0; i < Math.min(mine.size(), bare.size()); i++) {
                    perRound.add("%.2f"
                            .formatted(mine.get(i).perSecond() / bare.get(i).perSecond()));
                }
                ratio = "%.2f (%s)".formatted(perSecond(mine) / perSecond(bare), String.join(", ", perRound));
            }
            System.out.printf(
                    "| %s | %d | %d | %.1f | %.0f | %.0f | %.0f | %.0f | %d | %s |%n",
                    scenario,
                    clients,
                    millis.length,
                    perSecond(mine),
                    percentile(millis, 50),
                    percentile(millis, 95),
                    percentile(millis, 99),
                    millis[millis.length - 1],
                    failed,
                    ratio);
        }

        private static double perSecond(List<Run> runs) {
            long count = runs.stream().mapToLong(run -> run.samples().size()).sum();
            long nanos = runs.stream().mapToLong(Run::wallNanos).sum();
            return count / (nanos / 1e9);
        }
    }

    /** Nearest rank. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
