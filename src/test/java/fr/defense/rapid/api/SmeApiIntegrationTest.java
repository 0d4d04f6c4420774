package fr.defense.rapid.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.ComplementsRequests;
import fr.defense.rapid.support.Http;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The SME API over real HTTP on PostgreSQL, as an SME's client uses it. */
@AppTest
class SmeApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void submissionCreatesTheDossierAndSaysWhereItIs() {
        Http.Response created = http.post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany());

        assertThat(created.status()).isEqualTo(201);
        String number = created.json().path("dossierNumber").asText();
        assertThat(number).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(created.header("Location")).endsWith("/api/dossiers/" + number);
        assertThat(created.json().path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(number)
                        .count())
                .isEqualTo(1);
        assertThat(jdbc.sql("select owner_id from dossier where dossier_number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .isEqualTo("pme-demo");
    }

    @Test
    void smeReadsItsDossierWithStatusCurrentStepsAndTimelineInFrench() {
        String number = submitted("pme-demo");
        awaitStatus(number, "COMPLETENESS_CHECK", Duration.ofSeconds(30));

        JsonNode dossier = http.get("pme-demo", "/api/dossiers/" + number).json();
        assertThat(dossier.path("dossierNumber").asText()).isEqualTo(number);
        assertThat(dossier.path("companySiren").asText()).isEqualTo("732829320");
        assertThat(dossier.path("requestedAidEur").asLong()).isEqualTo(200_000L);
        assertThat(dossier.path("companyCategory").asText()).isEqualTo("SMALL");
        assertThat(dossier.path("statusLabel").asText()).contains("complétude");
        assertThat(dossier.path("currentSteps").get(0).path("name").asText())
                .isEqualTo("Vérifier la complétude du dossier");
        assertThat(dossier.path("timeline").findValuesAsText("description"))
                .contains("Dossier déposé")
                .anyMatch(text -> text.contains("Accusé de réception"));
        assertThat(dossier.has("ownerId")).isFalse();
    }

    @Test
    void smeListsOnlyItsOwnDossiersNewestFirstPageByPage() {
        String older = submitted("pme-other");
        String newer = submitted("pme-other");

        JsonNode page = http.get("pme-other", "/api/dossiers?size=1").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("dossierNumber").asText()).isEqualTo(newer);
        assertThat(page.path("totalItems").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("pme-other", "/api/dossiers?page=1&size=1")
                        .json()
                        .path("items")
                        .get(0)
                        .path("dossierNumber")
                        .asText())
                .isEqualTo(older);
        assertThat(http.get("pme-demo", "/api/dossiers?size=100")
                        .okJson()
                        .path("items")
                        .findValuesAsText("dossierNumber"))
                .doesNotContain(older, newer);
        assertThat(http.get("pme-other", "/api/dossiers?size=101").status()).isEqualTo(400);
        assertThat(http.get("pme-other", "/api/dossiers?page=abc").status()).isEqualTo(400);
    }

    @Test
    void anotherSmesDossierAndTasksAnswer404AsIfTheyDidNotExist() {
        String number = submitted("pme-demo");
        walkToComplements(number);
        String taskId = smeTaskId("pme-demo", number);

        assertThat(http.get("pme-other", "/api/dossiers/" + number).status()).isEqualTo(404);
        assertThat(http.get("pme-other", "/api/dossiers/RAPID-2000-99999").status())
                .isEqualTo(404);
        assertThat(http.post("pme-other", "/api/dossiers/" + number + "/withdraw", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(http.get("pme-other", "/api/tasks/" + taskId + "/form").status())
                .isEqualTo(404);
        assertThat(http.post(
                                "pme-other",
                                "/api/tasks/" + taskId + "/complete",
                                Map.of("complementsResponse", "Réponse d'une autre entreprise."))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("pme-other", "/api/tasks").okJson().findValuesAsText("id"))
                .doesNotContain(taskId);

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        assertThat(http.get("pme-demo", "/api/dossiers/" + number)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("AWAITING_COMPLEMENTS");
    }

    @Test
    void smeAnswersTheComplementsRequestThroughTheSameForm() {
        String number = submitted("pme-demo");
        walkToComplements(number);
        String taskId = smeTaskId("pme-demo", number);

        JsonNode form = http.get("pme-demo", "/api/tasks/" + taskId + "/form").json();
        assertThat(form.path("formId").asText()).isEqualTo("provide-complements");
        assertThat(form.path("schema").path("components").findValuesAsText("key"))
                .contains("complementsResponse");
        assertThat(form.path("values").path("missingItems").asText()).contains("Liasse fiscale");
        assertThat(form.path("values").path("dossierNumber").asText()).isEqualTo(number);

        Http.Response tooShort =
                http.post("pme-demo", "/api/tasks/" + taskId + "/complete", Map.of("complementsResponse", "Ci-joint"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooShort.json().path("errors").get(0).path("field").asText()).isEqualTo("complementsResponse");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);

        assertThat(http.post(
                                "pme-demo",
                                "/api/tasks/" + taskId + "/complete",
                                Map.of("complementsResponse", "Liasse fiscale et annexe financière jointes."))
                        .status())
                .isEqualTo(204);
        awaitStatus(number, "COMPLETENESS_CHECK", Duration.ofSeconds(30));
    }

    @Test
    void dossierIsClosedWhenTheSmeLetsTheComplementsDeadlinePass() {
        String number = submitted("pme-demo");
        walkToComplements(number);
        // 30 days pass for this dossier only: its timers fall due now and the running job executor
        // fires them. (Moving the engine's clock, which is JVM-wide, would fire every other test's
        // timers too, and the clock of the process tests' engine with them.)
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(number)
                .singleResult()
                .getId();
        List<Job> timers =
                management.createJobQuery().processInstanceId(instance).timers().list();
        assertThat(timers).isNotEmpty();
        timers.forEach(timer -> management.setJobDuedate(timer.getId(), new Date()));
        awaitStatus(number, "CLOSED_WITHOUT_FOLLOW_UP", Duration.ofSeconds(60));
        assertThat(http.get("pme-demo", "/api/tasks").okJson().findValuesAsText("dossierNumber"))
                .doesNotContain(number);
    }

    @Test
    void smeWithdrawsItsDossierOnceAndOnlyBeforeTheDecision() {
        String number = submitted("pme-demo");

        Http.Response withdrawn = http.post("pme-demo", "/api/dossiers/" + number + "/withdraw", Map.of());
        assertThat(withdrawn.status()).isEqualTo(200);
        assertThat(withdrawn.json().path("status").asText()).isEqualTo("WITHDRAWN");
        // The confirmation is sent asynchronously; then the instance ends.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(number)
                                .count()
                        == 0);

        Http.Response again = http.post("pme-demo", "/api/dossiers/" + number + "/withdraw", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("ne peut plus être retiré");
    }

    @Test
    void aClosedDossierCannotBeWithdrawnEvenWhileItsLastNotificationIsPending() {
        Http.Response created = http.post("pme-demo", "/api/dossiers", SampleDossiers.largeCompany());
        String number = created.json().path("dossierNumber").asText();
        awaitStatus(number, "INELIGIBLE", Duration.ofSeconds(30));

        assertThat(http.post("pme-demo", "/api/dossiers/" + number + "/withdraw", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(http.get("pme-demo", "/api/dossiers/" + number)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("INELIGIBLE");
    }

    @Test
    void anUntickedCollaborationBoxMayBeLeftOut() {
        Map<String, Object> values = new HashMap<>(SampleDossiers.smallCompany());
        values.remove("collaboration");
        Http.Response created = http.post("pme-demo", "/api/dossiers", values);

        assertThat(created.status()).isEqualTo(201);
        assertThat(http.get(
                                "pme-demo",
                                "/api/dossiers/"
                                        + created.json().path("dossierNumber").asText())
                        .json()
                        .path("collaboration")
                        .asBoolean(true))
                .isFalse();
    }

    @Test
    void twentySimultaneousSubmissionsWithOneIdempotencyKeyCreateOneDossier() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> values = SampleDossiers.smallCompany();
        values.put("projectTitle", "Idempotence " + key);
        List<Http.Response> responses =
                http.simultaneously(20, () -> http.post("pme-demo", "/api/dossiers", values, key));

        assertThat(responses)
                .extracting(Http.Response::status)
                .containsOnly(200, 201)
                .filteredOn(status -> status == 201)
                .hasSize(1);
        assertThat(responses)
                .extracting(response -> response.json().path("dossierNumber").asText())
                .containsOnly(responses.get(0).json().path("dossierNumber").asText());
        assertThat(jdbc.sql("select count(*) from dossier where project_title = ?")
                        .param(values.get("projectTitle"))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // The same key from another user is another request.
        assertThat(http.post("pme-other", "/api/dossiers", values, key).status())
                .isEqualTo(201);
        // The same key with other values is a client mistake, not a repeat.
        values.put("requestedAidEur", 150_000);
        Http.Response reused = http.post("pme-demo", "/api/dossiers", values, key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().path("detail").asText()).contains("nouvelle clé");
    }

    record BadInput(String description, Consumer<Map<String, Object>> change, String field) {
        @Override
        public String toString() {
            return description;
        }
    }

    static BadInput[] badInputs() {
        return new BadInput[] {
            new BadInput("missing field", v -> v.remove("companyName"), "companyName"),
            new BadInput("oversized field", v -> v.put("projectTitle", "x".repeat(201)), "projectTitle"),
            new BadInput("wrong type", v -> v.put("companyHeadcount", "trente-cinq"), "companyHeadcount"),
            new BadInput("negative amount", v -> v.put("totalCostEur", -1), "totalCostEur"),
            new BadInput("invalid SIREN (Luhn)", v -> v.put("companySiren", "732829321"), "companySiren"),
            new BadInput("aid above the total cost", v -> v.put("requestedAidEur", 400_001), "requestedAidEur"),
            new BadInput("TRL 0", v -> v.put("trlStart", 0), "trlStart"),
            new BadInput("TRL 10", v -> v.put("trlTarget", 10), "trlTarget"),
            new BadInput("unknown enum value", v -> v.put("researchType", "BASIC_RESEARCH"), "researchType"),
            new BadInput("unknown field", v -> v.put("isAdmin", true), "isAdmin"),
            new BadInput("decimal euros", v -> v.put("requestedAidEur", 1000.5), "requestedAidEur"),
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithAFieldMessageAndChangesNothing(BadInput bad) {
        Map<String, Object> values = new HashMap<>(SampleDossiers.smallCompany());
        bad.change().accept(values);
        long dossiers = dossierCount();
        long instances = runtime.createProcessInstanceQuery().count();

        Http.Response refused = http.post("pme-demo", "/api/dossiers", values);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly(bad.field());
        assertThat(refused.json().path("errors").get(0).path("message").asText())
                .isNotBlank();
        assertThat(dossierCount()).isEqualTo(dossiers);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void malformedJsonIsRefusedWithoutTechnicalDetails() {
        long dossiers = dossierCount();
        Http.Response refused = http.post("pme-demo", "/api/dossiers", "{\"companySiren\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("JSON");
        assertThat(refused.body()).doesNotContain("Exception", "at org.", "jackson");
        assertThat(http.post("pme-demo", "/api/dossiers", "[1, 2]").status()).isEqualTo(400);
        Http.Response infinite = http.post("pme-demo", "/api/dossiers", "{\"companyHeadcount\": 1e400}");
        assertThat(infinite.status()).isEqualTo(400);
        assertThat(infinite.json().path("errors").findValuesAsText("field")).contains("companyHeadcount");
        assertThat(dossierCount()).isEqualTo(dossiers);
    }

    @Test
    void apiIsDescribedByOpenApiWithASwaggerPage() {
        JsonNode description = http.get(null, "/v3/api-docs").json();
        assertThat(description.path("paths").has("/api/dossiers")).isTrue();
        assertThat(description.path("paths").has("/api/tasks/{taskId}/complete"))
                .isTrue();
        assertThat(http.get(null, "/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        for (Http.Response response : List.of(
                http.get("pme-demo", "/api/dossiers"),
                http.get(null, "/api/dossiers"),
                http.get("pme-demo", "/api/dossiers/RAPID-2000-00000"),
                http.get("expert", "/engine-rest/task"))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isNotNull();
            assertThat(response.header("Cache-Control")).containsAnyOf("no-store", "no-cache");
        }
    }

    // --- steps -------------------------------------------------------------------------------------

    private String submitted(String user) {
        Http.Response created = http.post(user, "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("dossierNumber").asText();
    }

    /** The secretariat (over the engine REST API) finds the dossier incomplete. */
    private void walkToComplements(String number) {
        ComplementsRequests.requested(http, number, "pme-demo");
    }

    private String smeTaskId(String user, String number) {
        return ComplementsRequests.smeTaskId(http, user, number);
    }

    private long dossierCount() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }

    /** Waits until the SME reads this status on its dossier (the job executor moves it on). */
    private void awaitStatus(String number, String status, Duration within) {
        await().atMost(within)
                .until(() -> http.get("pme-demo", "/api/dossiers/" + number)
                        .okJson()
                        .path("status")
                        .asText()
                        .equals(status));
    }
}
