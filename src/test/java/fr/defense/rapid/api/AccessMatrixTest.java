package fr.defense.rapid.api;

import static fr.defense.rapid.system.SampleDossiers.completeness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.system.SampleDossiers;
import fr.defense.rapid.system.SampleMediations;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role against each family of endpoints, with the status it must get: SMEs only on their
 * API and only their own dossiers and mediation cases; staff only on the engine REST API and the webapps, each group
 * with the least rights its work needs; nobody anonymous anywhere.
 */
@AppTest
class AccessMatrixTest {

    private static final String ANONYMOUS = null;
    private static final List<String> STAFF = List.of("secretariat", "expert", "committee", "correspondent",
            "mediator", "manager", "admin");

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void smeApiIsForSmesOnlyAndEachSeesOnlyItsOwnDossiersAndCases() {
        String demoDossier = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany()).json()
                .path("dossierNumber").asText();
        String demoCase = http.post("pme-demo", "/api/mediations", SampleMediations.contractDispute()).json()
                .path("caseNumber").asText();

        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("anonymous GET /api/dossiers", 401);
        expected.put("anonymous GET /api/tasks", 401);
        expected.put("anonymous POST /api/dossiers", 401);
        expected.put("anonymous GET /api/mediations", 401);
        expected.put("anonymous GET /api/mediations/{pme-demo's}", 401);
        expected.put("anonymous POST /api/mediations", 401);
        expected.put("pme-demo GET /api/dossiers", 200);
        expected.put("pme-demo GET /api/tasks", 200);
        expected.put("pme-demo GET /api/dossiers/{own}", 200);
        expected.put("pme-other GET /api/dossiers/{pme-demo's}", 404);
        expected.put("pme-other POST /api/dossiers/{pme-demo's}/withdraw", 404);
        expected.put("pme-demo GET /api/mediations", 200);
        expected.put("pme-demo GET /api/mediations/{own}", 200);
        expected.put("pme-other GET /api/mediations/{pme-demo's}", 404);
        for (String staff : STAFF) {
            expected.put(staff + " GET /api/dossiers", 403);
            expected.put(staff + " GET /api/dossiers/{pme-demo's}", 403);
            expected.put(staff + " POST /api/dossiers", 403);
            expected.put(staff + " GET /api/mediations", 403);
            expected.put(staff + " GET /api/mediations/{pme-demo's}", 403);
            expected.put(staff + " POST /api/mediations", 403);
        }

        Map<String, Integer> actual = new LinkedHashMap<>();
        actual.put("anonymous GET /api/dossiers", http.get(ANONYMOUS, "/api/dossiers").status());
        actual.put("anonymous GET /api/tasks", http.get(ANONYMOUS, "/api/tasks").status());
        actual.put("anonymous POST /api/dossiers", http.post(ANONYMOUS, "/api/dossiers", SampleDossiers.smallCompany()).status());
        actual.put("anonymous GET /api/mediations", http.get(ANONYMOUS, "/api/mediations").status());
        actual.put("anonymous GET /api/mediations/{pme-demo's}", http.get(ANONYMOUS, "/api/mediations/" + demoCase).status());
        actual.put("anonymous POST /api/mediations",
                http.post(ANONYMOUS, "/api/mediations", SampleMediations.contractDispute()).status());
        actual.put("pme-demo GET /api/dossiers", http.get("pme-demo", "/api/dossiers").status());
        actual.put("pme-demo GET /api/tasks", http.get("pme-demo", "/api/tasks").status());
        actual.put("pme-demo GET /api/dossiers/{own}", http.get("pme-demo", "/api/dossiers/" + demoDossier).status());
        actual.put("pme-other GET /api/dossiers/{pme-demo's}", http.get("pme-other", "/api/dossiers/" + demoDossier).status());
        actual.put("pme-other POST /api/dossiers/{pme-demo's}/withdraw",
                http.post("pme-other", "/api/dossiers/" + demoDossier + "/withdraw", Map.of()).status());
        actual.put("pme-demo GET /api/mediations", http.get("pme-demo", "/api/mediations").status());
        actual.put("pme-demo GET /api/mediations/{own}", http.get("pme-demo", "/api/mediations/" + demoCase).status());
        actual.put("pme-other GET /api/mediations/{pme-demo's}", http.get("pme-other", "/api/mediations/" + demoCase).status());
        for (String staff : STAFF) {
            actual.put(staff + " GET /api/dossiers", http.get(staff, "/api/dossiers").status());
            actual.put(staff + " GET /api/dossiers/{pme-demo's}", http.get(staff, "/api/dossiers/" + demoDossier).status());
            actual.put(staff + " POST /api/dossiers", http.post(staff, "/api/dossiers", SampleDossiers.smallCompany()).status());
            actual.put(staff + " GET /api/mediations", http.get(staff, "/api/mediations").status());
            actual.put(staff + " GET /api/mediations/{pme-demo's}", http.get(staff, "/api/mediations/" + demoCase).status());
            actual.put(staff + " POST /api/mediations",
                    http.post(staff, "/api/mediations", SampleMediations.contractDispute()).status());
        }

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void engineRestIsForStaffOnly() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String path : List.of("/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/history/task")) {
            expected.put("anonymous GET " + path, 401);
            actual.put("anonymous GET " + path, http.get(ANONYMOUS, path).status());
            for (String sme : List.of("pme-demo", "pme-other")) {
                expected.put(sme + " GET " + path, 403);
                actual.put(sme + " GET " + path, http.get(sme, path).status());
            }
            for (String staff : STAFF) {
                expected.put(staff + " GET " + path, 200);
                actual.put(staff + " GET " + path, http.get(staff, path).status());
            }
        }
        expected.put("pme-demo POST /engine-rest/process-definition/key/rapid-subsidy/start", 403);
        actual.put("pme-demo POST /engine-rest/process-definition/key/rapid-subsidy/start",
                http.post("pme-demo", "/engine-rest/process-definition/key/rapid-subsidy/start", Map.of()).status());

        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void eachGroupSeesAndWorksOnlyTheTasksOfItsRole() {
        String number = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany()).json()
                .path("dossierNumber").asText();
        String completenessTask = awaitTask("secretariat", number, "CheckCompleteness");
        assertThat(http.post("secretariat", "/engine-rest/task/" + completenessTask + "/claim",
                Map.of("userId", "secretariat")).status()).isEqualTo(204);
        Map<String, Object> complete = new HashMap<>();
        completeness(true).forEach((name, value) -> complete.put(name, Map.of("value", value)));
        assertThat(http.post("secretariat", "/engine-rest/task/" + completenessTask + "/complete",
                Map.of("variables", complete)).status()).isEqualTo(204);
        String evaluationTask = awaitTask("expert", number, "TechnicalEvaluation");

        // Who sees the evaluation task in its task list.
        Map<String, Boolean> sees = new LinkedHashMap<>();
        for (String staff : STAFF) {
            sees.put(staff, !tasksOf(staff, number, "TechnicalEvaluation").isEmpty());
        }
        assertThat(sees).isEqualTo(Map.of(
                "secretariat", false, "expert", true, "committee", false, "correspondent", false,
                "mediator", false, "manager", true, "admin", true));

        // Who may act on it: managers read and change nothing; the others do not even see it.
        Map<String, Integer> claims = new LinkedHashMap<>();
        for (String staff : List.of("secretariat", "committee", "correspondent", "mediator", "manager", "expert")) {
            claims.put(staff, http.post(staff, "/engine-rest/task/" + evaluationTask + "/claim",
                    Map.of("userId", staff)).status());
        }
        assertThat(claims).isEqualTo(Map.of(
                "secretariat", 403, "committee", 403, "correspondent", 403, "mediator", 403,
                "manager", 403, "expert", 204));

        // The SME's own task list never shows staff work.
        assertThat(http.get("pme-demo", "/api/tasks").json().findValuesAsText("id")).doesNotContain(evaluationTask);
    }

    @Test
    void webappsLetStaffInAccordingToTheirApplicationAndNeverSmes() throws Exception {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String user : List.of("pme-demo", "pme-other")) {
            // "welcome" included: Camunda grants it to every user, and its session reaches the engine.
            for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
                expected.put(user + " " + app, 403);
            }
        }
        for (String user : List.of("secretariat", "expert", "committee")) {
            expected.put(user + " tasklist", 200);
            expected.put(user + " cockpit", 403);
        }
        expected.put("manager cockpit", 200);
        expected.put("manager tasklist", 403);
        expected.put("admin admin", 200);
        expected.put("expert welcome", 200);
        expected.forEach((key, status) -> {
            String[] userAndApp = key.split(" ");
            actual.put(key, webappLogin(userAndApp[0], userAndApp[1]));
        });
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void nobodyCanCreateAnAdministratorThroughCamundasSetupPage() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port + "/camunda";
        client.send(HttpRequest.newBuilder(URI.create(base + "/app/admin/default/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> setup = client.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/setup/default/user/create"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@i.fr\"},"
                                + "\"credentials\":{\"password\":\"intruder\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(http.get("intruder", "/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void taskWorkersCompleteTheirTasksButCannotEditThem() {
        String number = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany()).json()
                .path("dossierNumber").asText();
        String task = awaitTask("secretariat", number, "CheckCompleteness");
        assertThat(http.post("secretariat", "/engine-rest/task/" + task + "/claim", Map.of("userId", "secretariat"))
                .status()).isEqualTo(204);

        Map<String, Integer> edits = new LinkedHashMap<>();
        edits.put("set a variable", http.post("secretariat", "/engine-rest/task/" + task + "/variables",
                Map.of("modifications", Map.of("requestedAidEur", Map.of("value", 9_000_000)))).status());
        edits.put("add a candidate group", http.post("secretariat", "/engine-rest/task/" + task + "/identity-links",
                Map.of("groupId", "sme", "type", "candidate")).status());
        assertThat(edits).isEqualTo(Map.of("set a variable", 403, "add a candidate group", 403));
    }

    /**
     * Camunda webapps' own login, as their login page does it: a first page gives the CSRF cookie,
     * which the login request sends back in its header.
     */
    private int webappLogin(String user, String app) {
        try {
            CookieManager cookies = new CookieManager();
            HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();
            String base = "http://localhost:" + port + "/camunda";
            client.send(HttpRequest.newBuilder(URI.create(base + "/app/" + app + "/default/")).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            String csrf = cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<JsonNode> tasksOf(String user, String number, String key) {
        JsonNode found = http.get(user, "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=" + key).json();
        return found.isArray() ? java.util.stream.StreamSupport.stream(found.spliterator(), false).toList() : List.of();
    }

    private String awaitTask(String user, String number, String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !tasksOf(user, number, key).isEmpty());
        return tasksOf(user, number, key).get(0).path("id").asText();
    }
}
