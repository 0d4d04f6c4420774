package fr.defense.rapid.api;

import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.attachment.AttachmentKind;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.WebappSession;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Each role against each family of endpoints, with the status it must get: SMEs only on their
 * portal and API and only their own dossiers and mediation cases (the portal's pages send the
 * anonymous to its login page: 302); staff only on the engine REST API, the webapps
 * and the staff files of their own procedure, each group with the least rights its work needs;
 * nobody anonymous anywhere (the staff files send them to Tasklist's login, the dashboard's page to the
 * webapps' login: 302); the dashboard for managers and administrators only.
 */
@AppTest
class AccessMatrixTest {

    private static final String ANONYMOUS = null;
    private static final List<String> STAFF =
            List.of("secretariat", "expert", "committee", "correspondent", "mediator", "manager", "admin");

    @LocalServerPort
    int port;

    @Autowired
    Attachments attachments;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    /**
     * The access matrix: one row per endpoint, one column per caller, the status each must get.
     * {@code {dossier}} and {@code {case}} are pme-demo's own; "-" is not tried (pme-demo would
     * withdraw its dossier; the administrator may start a process, its start form then judges).
     * docs/security.md points here.
     */
    private static final String MATRIX = """
            endpoint                                             anonymous pme-demo pme-other secretariat expert committee correspondent mediator manager admin
            GET  /api/dossiers                                   401       200      200       403         403    403       403           403      403     403
            GET  /api/dossiers/{dossier}                         401       200      404       403         403    403       403           403      403     403
            POST /api/dossiers                                   401       201      201       403         403    403       403           403      403     403
            POST /api/dossiers/{dossier}/withdraw                401       -        404       403         403    403       403           403      403     403
            GET  /api/dossiers/{dossier}/attachments             401       200      404       403         403    403       403           403      403     403
            GET  /api/dossiers/{dossier}/attachments/{attachment} 401      200      404       403         403    403       403           403      403     403
            GET  /api/drafts/dossier                             401       200      200       403         403    403       403           403      403     403
            GET  /api/tasks                                      401       200      200       403         403    403       403           403      403     403
            GET  /api/mediations                                 401       200      200       403         403    403       403           403      403     403
            GET  /api/mediations/{case}                          401       200      404       403         403    403       403           403      403     403
            POST /api/mediations                                 401       201      201       403         403    403       403           403      403     403
            GET  /portail                                        302       200      200       403         403    403       403           403      403     403
            GET  /portail/dossiers/nouveau                       302       200      200       403         403    403       403           403      403     403
            GET  /portail/dossiers/{dossier}                     302       200      404       403         403    403       403           403      403     403
            GET  /portail/dossiers/RAPID-2000-99999              302       404      404       403         403    403       403           403      403     403
            GET  /portail/dossiers/{dossier}/retrait             302       200      404       403         403    403       403           403      403     403
            GET  /portail/mediations/nouvelle                    302       200      200       403         403    403       403           403      403     403
            GET  /portail/mediations/{case}                      302       200      404       403         403    403       403           403      403     403
            GET  /portail/inconnue                               302       404      404       403         403    403       403           403      403     403
            GET  /engine-rest/engine                             200       200      200       200         200    200       200           200      200     200
            GET  /engine-rest/task                               401       403      403       200         200    200       200           200      200     200
            GET  /engine-rest/process-definition                 401       403      403       200         200    200       200           200      200     200
            GET  /engine-rest/history/task                       401       403      403       200         200    200       200           200      200     200
            POST /engine-rest/process-definition/key/rapid-subsidy/start 401 403    403       403         403    403       403           403      403     -
            POST /engine-rest/identity/verify                    401       403      403       403         403    403       403           403      403     403
            GET  /dev/mails                                      401       403      403       403         403    403       403           403      403     404
            GET  /staff/dossiers/{dossier}                       302       403      403       200         200    200       403           403      200     200
            GET  /staff/dossiers/RAPID-2000-99999                302       403      403       404         404    404       403           403      404     404
            GET  /staff/dossiers/{dossier}/attachments/{attachment} 302    403      403       200         200    200       403           403      200     200
            GET  /staff/mediations/{case}                        302       403      403       403         403    403       200           200      200     200
            GET  /staff/mediations/MED-2000-99999                302       403      403       403         403    403       404           404      404     404
            GET  /staff/anything-else                            302       403      403       403         403    403       403           403      403     403
            GET  /dashboard                                      302       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/rapid                            401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/rapid?from=hier                  401       403      403       403         403    403       403           403      400     400
            GET  /dashboard/api/work                             401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/mediation                        401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/options                          401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/processes/rapid-subsidy/overlay  401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/api/processes/mediation-escalation/diagram 401 403     403       403         403    403       403           403      200     200
            GET  /dashboard/api/processes/other/overlay          401       403      403       403         403    403       403           403      404     404
            GET  /dashboard/api/exports                          401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/export/dossiers.csv                  401       403      403       403         403    403       403           403      200     200
            GET  /dashboard/export/mediations.xlsx               401       403      403       403         403    403       403           403      200     200
            POST /dashboard/api/rapid                            401       403      403       403         403    403       403           403      403     403
            GET  /dashboard/inconnue                             302       403      403       403         403    403       403           403      404     404
            """;

    @Test
    void everyCallerGetsTheStatusOfItsRowAtEveryEndpoint() {
        String dossier = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();
        Map<String, String> ids = new LinkedHashMap<>();
        // Longest first: {dossier} inside {dossier}/attachments/{attachment} is replaced after it.
        ids.put(
                "{attachment}",
                attachments
                        .addToDossier(
                                dossier, AttachmentKind.PROJECT_DESCRIPTION, "description.pdf", SamplePieces.pdf("x"))
                        .id());
        ids.put("{dossier}", dossier);
        ids.put(
                "{case}",
                http.post("pme-demo", "/api/mediations", SampleMediations.contractDispute())
                        .json()
                        .path("caseNumber")
                        .asText());
        List<String> lines = MATRIX.lines().filter(line -> !line.isBlank()).toList();
        List<String> callers = List.of(lines.get(0).trim().split("\\s+")).subList(1, 11);
        Map<String, Integer> expected = new LinkedHashMap<>();
        Map<String, Integer> actual = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            String method = cells[0];
            String path = cells[1];
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            for (int column = 0; column < callers.size(); column++) {
                if (cells[column + 2].equals("-")) {
                    continue;
                }
                String caller = callers.get(column);
                String user = caller.equals("anonymous") ? ANONYMOUS : caller;
                String call = caller + " " + method + " " + cells[1];
                expected.put(call, Integer.parseInt(cells[column + 2]));
                actual.put(
                        call,
                        (method.equals("GET") ? http.get(user, path) : http.post(user, path, body(path))).status());
            }
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    /** What a POST of the matrix sends: a valid dossier or request where one is created, nothing otherwise. */
    private static Object body(String path) {
        return path.equals("/api/dossiers")
                ? SampleDossiers.smallCompany()
                : path.equals("/api/mediations") ? SampleMediations.contractDispute() : Map.of();
    }

    @Test
    void eachGroupSeesAndWorksOnlyTheTasksOfItsRole() {
        String number = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();
        String completenessTask = awaitTask("secretariat", number, "CheckCompleteness");
        SamplePieces.attachAll(attachments, number);
        assertThat(http.post(
                                "secretariat",
                                "/engine-rest/task/" + completenessTask + "/claim",
                                Map.of("userId", "secretariat"))
                        .status())
                .isEqualTo(204);
        Map<String, Object> complete = new HashMap<>();
        completeness(true).forEach((name, value) -> complete.put(name, Map.of("value", value)));
        assertThat(http.post(
                                "secretariat",
                                "/engine-rest/task/" + completenessTask + "/complete",
                                Map.of("variables", complete))
                        .status())
                .isEqualTo(204);
        String evaluationTask = awaitTask("expert", number, "TechnicalEvaluation");

        // Who sees the evaluation task in its task list.
        Map<String, Boolean> sees = new LinkedHashMap<>();
        for (String staff : STAFF) {
            sees.put(staff, !tasksOf(staff, number, "TechnicalEvaluation").isEmpty());
        }
        assertThat(sees)
                .isEqualTo(Map.of(
                        "secretariat",
                        false,
                        "expert",
                        true,
                        "committee",
                        false,
                        "correspondent",
                        false,
                        "mediator",
                        false,
                        "manager",
                        true,
                        "admin",
                        true));

        // Who may act on it: managers read and change nothing; the others do not even see it.
        Map<String, Integer> claims = new LinkedHashMap<>();
        for (String staff : List.of("secretariat", "committee", "correspondent", "mediator", "manager", "expert")) {
            claims.put(
                    staff,
                    http.post(staff, "/engine-rest/task/" + evaluationTask + "/claim", Map.of("userId", staff))
                            .status());
        }
        assertThat(claims)
                .isEqualTo(Map.of(
                        "secretariat",
                        403,
                        "committee",
                        403,
                        "correspondent",
                        403,
                        "mediator",
                        403,
                        "manager",
                        403,
                        "expert",
                        204));

        // The SME's own task list never shows staff work.
        assertThat(http.get("pme-demo", "/api/tasks").okJson().findValuesAsText("id"))
                .doesNotContain(evaluationTask);
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
        client.send(
                HttpRequest.newBuilder(URI.create(base + "/app/admin/default/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .findFirst()
                .orElseThrow()
                .getValue();
        HttpResponse<String> setup = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/admin/setup/default/user/create"))
                        .header("Content-Type", "application/json")
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"I\",\"email\":\"i@i.fr\"},"
                                        + "\"credentials\":{\"password\":\"intruder\"}}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(setup.statusCode()).isEqualTo(403);
        assertThat(http.get("intruder", "/engine-rest/task").status()).isEqualTo(401);
    }

    @Test
    void taskWorkersCompleteTheirTasksButCannotEditThem() {
        String number = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany())
                .json()
                .path("dossierNumber")
                .asText();
        String task = awaitTask("secretariat", number, "CheckCompleteness");
        assertThat(http.post("secretariat", "/engine-rest/task/" + task + "/claim", Map.of("userId", "secretariat"))
                        .status())
                .isEqualTo(204);

        Map<String, Integer> edits = new LinkedHashMap<>();
        edits.put(
                "set a variable",
                http.post(
                                "secretariat",
                                "/engine-rest/task/" + task + "/variables",
                                Map.of("modifications", Map.of("requestedAidEur", Map.of("value", 9_000_000))))
                        .status());
        edits.put(
                "add a candidate group",
                http.post(
                                "secretariat",
                                "/engine-rest/task/" + task + "/identity-links",
                                Map.of("groupId", "sme", "type", "candidate"))
                        .status());
        assertThat(edits).isEqualTo(Map.of("set a variable", 403, "add a candidate group", 403));
    }

    /** Camunda webapps' own login, as their login page does it. */
    private int webappLogin(String user, String app) {
        return WebappSession.login(port, user, app).loginStatus();
    }

    private List<JsonNode> tasksOf(String user, String number, String key) {
        JsonNode found = http.get(
                        user, "/engine-rest/task?processInstanceBusinessKey=" + number + "&taskDefinitionKey=" + key)
                .json();
        return found.isArray()
                ? java.util.stream.StreamSupport.stream(found.spliterator(), false)
                        .toList()
                : List.of();
    }

    private String awaitTask(String user, String number, String key) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !tasksOf(user, number, key).isEmpty());
        return tasksOf(user, number, key).get(0).path("id").asText();
    }
}
