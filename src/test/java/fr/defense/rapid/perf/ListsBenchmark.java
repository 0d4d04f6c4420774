package fr.defense.rapid.perf;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lists people open all day, measured over HTTP against a running application on a large
 * database (docs/performance.md, « Lists and retention at 100,000 dossiers »): a staff group's task
 * list, as our API's clients ask the engine REST API for it and as Tasklist asks for its filter
 * (« Tâches de mes groupes », sorted by creation date, newest first, 15 per page, HAL with the embedded
 * assignees and definitions), and an SME's dossier list ({@code GET /api/dossiers}). Warm-up requests,
 * then {@code requests} one after the other; prints p50, p95 and max in milliseconds as a Markdown
 * table. Figures only: nothing is asserted. Not a test (no JUnit): run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.defense.rapid.perf.ListsBenchmark -Dbenchmark.url=http://localhost:8080 \
 *   -Dbenchmark.staff=expert:expert -Dbenchmark.group=dga-experts -Dbenchmark.sme=pme-seed-1:… -Dbenchmark.requests=100
 * </pre>
 */
public final class ListsBenchmark {

    private static final int WARM_UP = 10;
    /** What Tasklist 7.24 posts for a filter's first page (its default sorting). */
    private static final String TASKLIST_BODY = """
            {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
            "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";

    private ListsBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("benchmark.url", "http://localhost:8080");
        String staff = basic(System.getProperty("benchmark.staff", "expert:expert"));
        String group = System.getProperty("benchmark.group", "dga-experts");
        String smeUser = System.getProperty("benchmark.sme", "pme-demo:pme-demo");
        int requests = Integer.getInteger("benchmark.requests", 100);
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        System.out.println("| list | request | status | bytes | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        String page = "sortBy=created&sortOrder=desc&firstResult=0&maxResults=15";
        print(
                client,
                requests,
                "staff: group's tasks, REST",
                get(base + "/engine-rest/task?candidateGroup=" + group + "&" + page, staff, "application/json"));
        print(
                client,
                requests,
                "staff: group's tasks, REST count",
                get(base + "/engine-rest/task/count?candidateGroup=" + group, staff, "application/json"));
        String filter = filterId(client, base, staff, "Tâches de mes groupes");
        print(
                client,
                requests,
                "staff: Tasklist filter « Tâches de mes groupes », page 1",
                post(
                        base + "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15",
                        staff,
                        TASKLIST_BODY));
        print(
                client,
                requests,
                "staff: Tasklist filter count",
                post(base + "/engine-rest/filter/" + filter + "/count", staff, TASKLIST_BODY));
        String sme = basic(smeUser);
        print(
                client,
                requests,
                "SME " + smeUser.split(":")[0] + ": dossiers, page 1",
                get(base + "/api/dossiers", sme, "application/json"));
        print(
                client,
                requests,
                "SME " + smeUser.split(":")[0] + ": mediation cases, page 1",
                get(base + "/api/mediations", sme, "application/json"));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest get(String url, String authorization, String accept) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .header("Accept", accept)
                .timeout(Duration.ofMinutes(1))
                .GET()
                .build();
    }

    /** As Tasklist asks: HAL, so that the page carries the tasks' assignees and process definitions. */
    private static HttpRequest post(String url, String authorization, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                // The count answers JSON only (406 to a HAL request).
                .header("Accept", url.contains("/count") ? "application/json" : "application/hal+json")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(1))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String filterId(HttpClient client, String base, String authorization, String name) throws Exception {
        HttpResponse<String> found = client.send(
                get(
                        base + "/engine-rest/filter?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
                        authorization,
                        "application/json"),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(found.body());
        if (!id.find()) {
            throw new IllegalStateException("No filter « " + name + " »: " + found.statusCode() + " " + found.body());
        }
        return id.group(1);
    }

    private static void print(HttpClient client, int requests, String list, HttpRequest request) throws Exception {
        String shown = request.uri().getRawPath()
                + (request.uri().getRawQuery() == null
                        ? ""
                        : "?" + request.uri().getRawQuery());
        for (int i = 0; i < WARM_UP; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                System.out.printf("| %s | `%s` | %d | - | - | - | - |%n", list, shown, response.statusCode());
                return;
            }
        }
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - start) / 1_000_000);
            bytes = response.body().length;
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(
                "| %s | `%s` | 200 | %d | %d | %d | %d |%n",
                list, shown, bytes, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
