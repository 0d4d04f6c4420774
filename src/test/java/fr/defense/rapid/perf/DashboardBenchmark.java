package fr.defense.rapid.perf;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard API's latency, measured over HTTP against a running application (docs/performance.md):
 * for each view and each filter, a few warm-up requests, then {@code requests} requests one after
 * the other (exports: one warm-up, {@code -Dbenchmark.exports} requests, three filters); prints p50, p95 and max in milliseconds as a Markdown table. Figures only: nothing is
 * asserted (timings depend on the machine). Not a test (no JUnit): run it with
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=fr.defense.rapid.perf.DashboardBenchmark \
 *   -Dbenchmark.url=http://localhost:8080 -Dbenchmark.user=manager -Dbenchmark.password=manager -Dbenchmark.requests=30
 * </pre>
 *
 * Settings are system properties, not {@code -Dexec.args}: the build's own exec executions (npm) would take
 * those arguments too.
 */
public final class DashboardBenchmark {

    private static final int WARM_UP = 5;

    private DashboardBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("benchmark.url", "http://localhost:8080");
        String user = System.getProperty("benchmark.user", "manager");
        String password = System.getProperty("benchmark.password", "manager");
        int requests = Integer.getInteger("benchmark.requests", 50);
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // Periods relative to today: the seeded history covers the last three years.
        LocalDate today = LocalDate.now();
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("none (last 12 months)", "");
        filters.put(
                "period: year before last 12 months", "from=" + today.minusMonths(24) + "&to=" + today.minusMonths(12));
        filters.put("period: 3 years", "from=" + today.minusYears(3) + "&to=" + today);
        filters.put("stage UNDER_EVALUATION", "stage=UNDER_EVALUATION");
        filters.put("region Île-de-France", "region=" + URLEncoder.encode("Île-de-France", StandardCharsets.UTF_8));
        filters.put("category SMALL", "category=SMALL");

        // The views and the filters each is measured with; an export is measured fewer times (-Dbenchmark.exports=5).
        List<String> all = List.copyOf(filters.keySet());
        List<String> none = List.of("none");
        Map<String, List<String>> views = new LinkedHashMap<>();
        views.put("/dashboard/api/rapid", all);
        views.put("/dashboard/api/mediation", all);
        views.put("/dashboard/api/processes/rapid-subsidy/overlay", all);
        views.put("/dashboard/api/processes/mediation-escalation/overlay", all);
        views.put("/dashboard/api/work", none);
        views.put("/dashboard/api/options", none);
        List<String> exportFilters = List.of("none (last 12 months)", "period: 3 years", "region Île-de-France");
        for (String export : List.of("dossiers.csv", "dossiers.xlsx", "mediations.csv", "mediations.xlsx")) {
            views.put("/dashboard/export/" + export, exportFilters);
        }
        filters.put("none", "");
        int exportRequests = Integer.getInteger("benchmark.exports", 5);

        System.out.println("| view | filter | status | bytes | p50 ms | p95 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        // -Dbenchmark.only=/dashboard/export/: only the views whose path starts so.
        String only = System.getProperty("benchmark.only", "");
        for (Map.Entry<String, List<String>> view : views.entrySet()) {
            if (!view.getKey().startsWith(only)) {
                continue;
            }
            boolean export = view.getKey().startsWith("/dashboard/export/");
            for (String filter : view.getValue()) {
                String query = filters.get(filter);
                String url = base + view.getKey() + (query.isEmpty() ? "" : "?" + query);
                String row = measure(
                        client,
                        authorization,
                        url,
                        export ? 1 : WARM_UP,
                        export ? exportRequests : requests,
                        view.getKey(),
                        filter);
                System.out.println(row);
                if (!row.contains("| 200 |")) {
                    break; // Not there (yet): one row says so, not one per filter.
                }
            }
        }
    }

    private static String measure(
            HttpClient client, String authorization, String url, int warmUp, int requests, String view, String filter)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization)
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build();
        HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (first.statusCode() != 200) {
            return "| %s | %s | %d | - | - | - | - |".formatted(view, filter, first.statusCode());
        }
        for (int i = 1; i < warmUp; i++) {
            client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - start) / 1_000_000);
            bytes = response.body().length;
            if (response.statusCode() != 200) {
                return "| %s | %s | %d | - | - | - | - |".formatted(view, filter, response.statusCode());
            }
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return "| %s | %s | 200 | %d | %d | %d | %d |"
                .formatted(
                        view, filter, bytes, percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]);
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
