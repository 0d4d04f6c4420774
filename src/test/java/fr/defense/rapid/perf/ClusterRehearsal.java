package fr.defense.rapid.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.WebappSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two-node cluster rehearsal of issue 14 ({@code scripts/cluster.sh}): two nodes of the application's jar on
 * one fresh PostgreSQL database, mail to an SMTP server in this JVM (GreenMail), a load of a fixed count of
 * dossiers spread over both nodes (submissions with an {@code Idempotency-Key}; then, one dossier in three found
 * incomplete by the secretariat, which mails a complements request, one in three withdrawn by the SME, which
 * mails a confirmation), node B
 * killed with SIGKILL in the middle of the load, node A finishing alone, node B started again and given the
 * last dossiers with node A. Then it checks and prints, with counts (see {@link ClusterChecks}), and exits 1
 * when a check fails. Figures only otherwise: no timing is asserted.
 * <p>
 * Settings (system properties): {@code cluster.smoke} (small counts, for CI), {@code cluster.dossiers},
 * {@code cluster.clients}, {@code cluster.lock-time} (the job lock time in ms), {@code cluster.jar},
 * {@code cluster.db-url}, {@code cluster.db-user}, {@code cluster.db-password}, {@code cluster.ports},
 * {@code cluster.log-dir}, {@code cluster.throughput} (submissions per round of the throughput measurement that
 * follows the checks, one node against two; 0 skips it, as the smoke run does).
 */
public final class ClusterRehearsal {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final boolean smoke = Boolean.getBoolean("cluster.smoke");
    final int dossiers = Integer.getInteger("cluster.dossiers", smoke ? 24 : 200);
    final int clients = Integer.getInteger("cluster.clients", 4);
    final int lockTimeMillis = Integer.getInteger("cluster.lock-time", smoke ? 10_000 : 20_000);
    private final int throughputDossiers = Integer.getInteger("cluster.throughput", smoke ? 0 : 200);
    final String dbUrl = System.getProperty("cluster.db-url", "jdbc:postgresql://127.0.0.1:5432/rapid_cluster");
    final String dbUser = System.getProperty("cluster.db-user", "postgres");
    final String dbPassword = System.getProperty("cluster.db-password", "");
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final ClusterNode nodeA;
    final ClusterNode nodeB;
    private final List<ClusterNode> live = new CopyOnWriteArrayList<>();
    private final GreenMail smtp;

    /** What the clients saw: the number of each dossier, which node answered, retries after the kill. */
    final Map<Integer, String> numbers = new ConcurrentHashMap<>();

    final Map<String, AtomicInteger> servedBy = new ConcurrentHashMap<>();
    final AtomicInteger submissionRetries = new AtomicInteger();
    final AtomicInteger replayed = new AtomicInteger();
    final AtomicInteger actionRetries = new AtomicInteger();
    final AtomicInteger actionsFoundDone = new AtomicInteger();
    final Map<String, String> sessionChecks = new LinkedHashMap<>();
    final List<String> clientErrors = new CopyOnWriteArrayList<>();
    long killedAtMillis;
    long restartedAtMillis;
    ClusterChecks.LockedJobs lockedAtKill;

    private ClusterRehearsal() throws IOException {
        int smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String[] ports = System.getProperty("cluster.ports", "8081,8082").split(",");
        Path jar = Path.of(System.getProperty("cluster.jar", "target/rapid-bpm-0.1.0-SNAPSHOT.jar"));
        Path logs = Path.of(System.getProperty("cluster.log-dir", "target/cluster"));
        Map<String, String> environment = Map.of(
                "DB_URL",
                dbUrl,
                "DB_USER",
                dbUser,
                "DB_PASSWORD",
                dbPassword,
                "SMTP_HOST",
                "127.0.0.1",
                "SMTP_PORT",
                String.valueOf(smtpPort),
                "SESSION_COOKIE_SECURE",
                "false");
        List<String> settings = List.of(
                // Jobs a dead node had locked wait this long before another node takes them.
                "--camunda.bpm.job-execution.lock-time-in-millis=" + lockTimeMillis,
                // Demo users, but no demo dossiers: every dossier and mail counted is the load's.
                "--rapid.demo.dossiers=false",
                "--rapid.mail.retry-cycle=R5/PT2S",
                // Connections opened as needed, up to the pool's 20: the database server is shared (docs/scaling.md).
                "--spring.datasource.hikari.minimum-idle=4");
        // The smoke run checks correctness only: the quick compiler alone starts a node in less CPU time.
        List<String> jvm = smoke ? List.of("-XX:TieredStopAtLevel=1") : List.of();
        nodeA = new ClusterNode("node-a", Integer.parseInt(ports[0].trim()), jar, jvm, settings, environment, logs);
        nodeB = new ClusterNode("node-b", Integer.parseInt(ports[1].trim()), jar, jvm, settings, environment, logs);
    }

    public static void main(String[] args) throws Exception {
        // The SMTP server's thread fails when the killed node drops its connection in the middle of a mail: say so
        // in one line (the mail was not accepted; its job runs again on the other node).
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (thread.getName().startsWith("smtp")) {
                System.out.printf("(%s: %s, %s)%n", thread.getName(), e.getMessage(), e.getCause());
            } else {
                e.printStackTrace();
            }
        });
        ClusterRehearsal rehearsal = new ClusterRehearsal();
        boolean passed;
        try {
            passed = rehearsal.rehearse();
        } finally {
            rehearsal.nodeA.stop();
            rehearsal.nodeB.stop();
            rehearsal.smtp.stop();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean rehearse() throws Exception {
        System.out.printf(
                "Cluster rehearsal%s: %d dossiers, %d clients, job lock time %d ms, database %s%n",
                smoke ? " (smoke)" : "", dossiers, clients, lockTimeMillis, dbUrl);
        // One after the other: the first start of a fresh database creates its schema and the demo users.
        long t0 = System.nanoTime();
        nodeA.start();
        nodeA.awaitUp(Duration.ofMinutes(4));
        nodeB.start();
        nodeB.awaitUp(Duration.ofMinutes(4));
        live.addAll(List.of(nodeA, nodeB));
        System.out.printf("Both nodes up in %.0f s%n", (System.nanoTime() - t0) / 1e9);

        CookieManager smeBrowser = portalLogin(nodeA);
        sessionChecks.put(
                "portal session opened on node-a, draft saved on node-b with its CSRF token",
                saveDraft(smeBrowser, nodeB));
        WebappSession staff = WebappSession.login(nodeB.port, "secretariat", "tasklist");
        sessionChecks.put("webapp session opened on node-b, read on node-a", signedInAs(staff.on(nodeA.port)));

        int reserved = Math.max(2, dossiers / 10);
        int killAt = (dossiers - reserved) * 2 / 5;
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger submitted = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> work(next, submitted, dossiers - reserved)));
        }
        while (submitted.get() < killAt) {
            Thread.sleep(20);
        }
        try (Connection db = database()) {
            lockedAtKill = ClusterChecks.awaitBothNodesHoldingJobs(db, Duration.ofSeconds(5));
            live.remove(nodeB);
            nodeB.kill();
            killedAtMillis = System.currentTimeMillis();
            System.out.printf(
                    "kill -9 node-b after %d of %d dossiers; %d jobs locked by %d owners at that moment%n",
                    submitted.get(), dossiers, lockedAtKill.jobs().size(), lockedAtKill.owners());
            lockedAtKill = ClusterChecks.orphansOfTheDeadNode(db, lockedAtKill, killedAtMillis);
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        System.out.printf(
                "node-a finished alone: %d dossiers in %.1f s%n",
                dossiers - reserved, (System.nanoTime() - start) / 1e9);

        nodeB.start();
        nodeB.awaitUp(Duration.ofMinutes(4));
        restartedAtMillis = System.currentTimeMillis();
        live.add(nodeB);
        System.out.println("node-b restarted and rejoined");
        sessionChecks.put(
                "portal session opened on node-a before the kill, used on the restarted node-b",
                saveDraft(smeBrowser, nodeB));
        next.set(dossiers - reserved);
        workers.clear();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> work(next, submitted, dossiers)));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        System.out.printf("load done: %d dossiers in %.1f s%n", submitted.get(), (System.nanoTime() - start) / 1e9);

        try (Connection db = database()) {
            ClusterChecks.awaitQuiet(db, Duration.ofMillis(lockTimeMillis).plusSeconds(90));
            // Read the mails once every job is done.
            boolean passed = new ClusterChecks(this, db, List.of(smtp.getReceivedMessages())).run();
            if (throughputDossiers > 0) {
                measureThroughput();
            }
            return passed;
        }
    }

    /**
     * Submissions per second through one node and through both, the same clients and count, interleaved rounds
     * (after the checks, which these dossiers do not concern). Figures only.
     */
    private void measureThroughput() throws Exception {
        System.out.println();
        System.out.printf(
                "Throughput of submissions (POST /api/dossiers, %d per round, rounds interleaved; a shared 2-core machine"
                        + " with PostgreSQL on it: noisy)%n",
                throughputDossiers);
        System.out.println("| clients | nodes | round | submissions/s | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|");
        AtomicInteger index = new AtomicInteger(1_000_000);
        for (int round = 1; round <= 2; round++) {
            for (int concurrency : List.of(4, 16)) {
                for (List<ClusterNode> nodes : List.of(List.of(nodeA), List.of(nodeA, nodeB))) {
                    live.clear();
                    live.addAll(nodes);
                    List<Long> latencies = new CopyOnWriteArrayList<>();
                    AtomicInteger left = new AtomicInteger(throughputDossiers);
                    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
                    long start = System.nanoTime();
                    List<Future<?>> clientsDone = new ArrayList<>();
                    for (int c = 0; c < concurrency; c++) {
                        clientsDone.add(pool.submit(() -> {
                            while (left.getAndDecrement() > 0) {
                                long t = System.nanoTime();
                                submit(index.getAndIncrement());
                                latencies.add((System.nanoTime() - t) / 1_000_000);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> client : clientsDone) {
                        client.get();
                    }
                    double seconds = (System.nanoTime() - start) / 1e9;
                    pool.shutdown();
                    List<Long> sorted = latencies.stream().sorted().toList();
                    System.out.printf(
                            "| %d | %d | %d | %.1f | %d | %d |%n",
                            concurrency,
                            nodes.size(),
                            round,
                            throughputDossiers / seconds,
                            sorted.get(sorted.size() / 2),
                            sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1));
                }
            }
        }
    }

    /** A client: takes the next dossier until {@code end}; submits it, then acts on it as {@link #outcome} says. */
    private void work(AtomicInteger next, AtomicInteger submitted, int end) {
        for (int i = next.getAndIncrement(); i < end; i = next.getAndIncrement()) {
            try {
                String number = submit(i);
                numbers.put(i, number);
                submitted.incrementAndGet();
                String outcome = outcome(i);
                if (outcome != null) {
                    act(i, number, outcome);
                }
            } catch (Exception e) {
                clientErrors.add("dossier " + i + ": " + e);
            }
        }
    }

    /**
     * What happens to dossier {@code i} once its completeness check is open: the secretariat finds it incomplete
     * (a complements request mailed, the SME's task open), the SME withdraws it (a mail, no task left), or nothing
     * yet (the check stays open). A complete dossier would need its attached files first.
     */
    static String outcome(int i) {
        return switch (i % 3) {
            case 0 -> "INCOMPLETE";
            case 1 -> "WITHDRAWN";
            default -> null;
        };
    }

    private String submit(int i) throws Exception {
        Map<String, Object> values = new HashMap<>(SampleDossiers.smallCompany());
        values.put("projectTitle", "Répétition de grappe " + run + " n° " + i);
        byte[] body = JSON.writeValueAsBytes(values);
        for (int attempt = 0; ; attempt++) {
            ClusterNode node = node(i + attempt);
            try {
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(node.url() + "/api/dossiers"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Authorization", basic("pme-demo"))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", "cluster-" + run + "-" + i)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 201 && answer.statusCode() != 200) {
                    throw new IllegalStateException(
                            "submission " + i + " on " + node + ": " + answer.statusCode() + " " + answer.body());
                }
                if (answer.statusCode() == 200) {
                    replayed.incrementAndGet();
                }
                served(node);
                return JSON.readTree(answer.body()).path("dossierNumber").asText();
            } catch (IOException nodeGone) {
                // The node died under the request: the same request again, to another node, with the same key.
                submissionRetries.incrementAndGet();
                retryPause(attempt, nodeGone);
            }
        }
    }

    /**
     * Waits for the dossier's completeness check, then acts: the secretariat claims and completes it as incomplete
     * (engine REST API), or the SME withdraws the dossier (its API). A step the dead node may have done before
     * dying is looked up on the other node before it is tried again.
     */
    private void act(int i, String number, String outcome) throws Exception {
        long deadline = System.nanoTime()
                + Duration.ofMillis(lockTimeMillis).plusSeconds(120).toNanos();
        boolean retried = false;
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            ClusterNode node = node(i + attempt);
            try {
                JsonNode tasks = JSON.readTree(staffCall(
                                node,
                                "GET",
                                "/engine-rest/task?taskDefinitionKey=CheckCompleteness&processInstanceBusinessKey="
                                        + number,
                                null)
                        .body());
                if (tasks.isEmpty()) {
                    if (retried && checkEnded(node, number)) {
                        // Done by the attempt the dead node answered no more: checked in the database at the end.
                        actionsFoundDone.incrementAndGet();
                        return;
                    }
                    // Not there yet: the asynchronous steps before it run first, and one the dead node had locked
                    // waits for its lock to expire. (A retry is not proof that the step was done: the node may have
                    // died under the request that looked for the task, before the task existed.)
                    Thread.sleep(200);
                    continue;
                }
                HttpResponse<String> done = "INCOMPLETE".equals(outcome)
                        ? findIncomplete(node, tasks.get(0).path("id").asText())
                        : withdraw(node, number);
                if (done.statusCode() / 100 != 2) {
                    throw new IllegalStateException(
                            outcome + " of " + number + " on " + node + ": " + done.statusCode() + " " + done.body());
                }
                served(node);
                return;
            } catch (IOException nodeGone) {
                retried = true;
                actionRetries.incrementAndGet();
                retryPause(attempt, nodeGone);
            }
        }
        throw new IllegalStateException("no completeness check of " + number + " appeared");
    }

    /** Whether the dossier's completeness check has ended (completed, or cancelled by a withdrawal), from history. */
    private boolean checkEnded(ClusterNode node, String number) throws IOException, InterruptedException {
        HttpResponse<String> ended = staffCall(
                node,
                "GET",
                "/engine-rest/history/task?taskDefinitionKey=CheckCompleteness&finished=true&processInstanceBusinessKey="
                        + number,
                null);
        if (ended.statusCode() != 200) {
            throw new IllegalStateException("task history of " + number + " on " + node + ": " + ended.statusCode());
        }
        return !JSON.readTree(ended.body()).isEmpty();
    }

    private HttpResponse<String> findIncomplete(ClusterNode node, String task) throws Exception {
        Map<String, Object> variables = new HashMap<>();
        SampleDossiers.completeness(false).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        staffCall(
                node,
                "POST",
                "/engine-rest/task/" + task + "/claim",
                JSON.writeValueAsBytes(Map.of("userId", "secretariat")));
        return staffCall(
                node,
                "POST",
                "/engine-rest/task/" + task + "/complete",
                JSON.writeValueAsBytes(Map.of("variables", variables)));
    }

    private HttpResponse<String> withdraw(ClusterNode node, String number) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/dossiers/" + number + "/withdraw"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Authorization", basic("pme-demo"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> staffCall(ClusterNode node, String method, String path, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", basic("secretariat"));
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The load balancer: round robin over the nodes alive. */
    private ClusterNode node(int turn) {
        List<ClusterNode> nodes = List.copyOf(live);
        return nodes.get(Math.floorMod(turn, nodes.size()));
    }

    private void served(ClusterNode node) {
        servedBy.computeIfAbsent(node.name, name -> new AtomicInteger()).incrementAndGet();
    }

    private static void retryPause(int attempt, IOException cause) throws InterruptedException {
        if (attempt > 50) {
            throw new IllegalStateException("no node answers", cause);
        }
        Thread.sleep(100);
    }

    // --- sessions across nodes, on the real nodes ---------------------------------------------------------

    /** The portal's form login (its CSRF field from the page) on one node; the browser's cookies. */
    private CookieManager portalLogin(ClusterNode node) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(node.url() + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF_FIELD.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page of " + node);
        }
        String form =
                "username=pme-demo&password=pme-demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        browser.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return cookies;
    }

    /** "ok" when the portal session saves a draft on that node (session and CSRF token honoured), else why not. */
    private String saveDraft(CookieManager cookies, ClusterNode node) throws Exception {
        // The portal's page first, as a browser loads it before writing: it hands out the CSRF token of the
        // session (Spring Security renews it at login).
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        HttpResponse<Void> page = browser.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/portail")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (page.statusCode() != 200) {
            return "FAILED: the portal's page answered " + page.statusCode();
        }
        String token = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(cookie -> cookie.getValue())
                .reduce((first, last) -> last)
                .orElse("");
        HttpResponse<String> saved = browser.send(
                HttpRequest.newBuilder(URI.create(node.url() + "/api/drafts/dossier"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", token)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"projectTitle\":\"Brouillon " + run + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return saved.statusCode() == 200 ? "ok" : "FAILED: " + saved.statusCode() + " " + saved.body();
    }

    private static String signedInAs(WebappSession session) {
        var user = session.request("GET", "/camunda/api/admin/auth/user/default", null, null);
        return user.status() == 200 && user.body().contains("\"secretariat\"")
                ? "ok"
                : "FAILED: " + user.status() + " " + user.body();
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, dbPassword);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
