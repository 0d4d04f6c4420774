package fr.defense.rapid.dossier;

import static fr.defense.rapid.demo.SampleDossiers.approval;
import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static fr.defense.rapid.demo.SampleDossiers.favourableEvaluation;
import static fr.defense.rapid.demo.SampleDossiers.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.RestVariables;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The running application on PostgreSQL over real HTTP, driven as the real parties would: the SME
 * through its API ({@code /api}), the staff through the engine REST API, each step by a user of
 * the group whose work it is; the job executor runs the asynchronous steps.
 */
@AppTest
class RapidLifecycleIntegrationTest {

    private static final Duration ASYNC_STEP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    DossierRepository dossiers;

    @Autowired
    Attachments attachments;

    RestClient http;
    RestClient api;

    @BeforeEach
    void setUp() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port + "/engine-rest")
                .build();
        api = RestClient.create("http://localhost:" + port);
    }

    @Test
    void dossierIsWalkedToApprovalThenGrantByTheRightUsers() {
        JsonNode started = submit("pme-demo", SampleDossiers.smallCompany());
        String instanceId = started.path("id").asText();
        String number = started.path("businessKey").asText();
        assertThat(number).matches("RAPID-\\d{4}-\\d{5}");

        SamplePieces.attachAll(attachments, number);
        complete("secretariat", instanceId, "CheckCompleteness", completeness(true));
        complete("expert", instanceId, "TechnicalEvaluation", favourableEvaluation());
        complete("committee", instanceId, "CommitteeDecision", approval(190_000L));
        await().atMost(ASYNC_STEP).until(() -> openTask("manager", instanceId, "AcceptAgreement") != null);

        Dossier approved = dossiers.find(number).orElseThrow();
        assertThat(approved.status()).isEqualTo(DossierStatus.APPROVED);
        assertThat(approved.ownerId()).isEqualTo("pme-demo");
        assertThat(approved.fundingRate()).isEqualByComparingTo("0.80");
        assertThat(approved.proposedAidEur()).isEqualTo(200_000L);
        assertThat(approved.grantedAidEur()).isEqualTo(190_000L);

        complete("pme-demo", instanceId, "AcceptAgreement", Map.of("agreementResponse", "ACCEPTED"));
        await().atMost(ASYNC_STEP)
                .until(() -> history("manager", "/history/process-instance/" + instanceId)
                        .path("state")
                        .asText()
                        .equals("COMPLETED"));

        assertThat(dossiers.find(number).orElseThrow().status()).isEqualTo(DossierStatus.GRANTED);
        assertThat(dossiers.timeline(number))
                .extracting(TimelineEntry::eventType)
                .containsSubsequence(
                        "SUBMITTED",
                        "NOTIFICATION_ACKNOWLEDGMENT",
                        "COMPLETENESS_CHECK",
                        "UNDER_EVALUATION",
                        "AWAITING_DECISION",
                        "APPROVED",
                        "AGREEMENT_DRAFTED",
                        "NOTIFICATION_APPROVAL",
                        "GRANTED",
                        "NOTIFICATION_GRANT_AWARDED");
        assertThat(completedTasksByUser(instanceId))
                .containsExactly(
                        Map.entry("CheckCompleteness", "secretariat"), Map.entry("TechnicalEvaluation", "expert"),
                        Map.entry("CommitteeDecision", "committee"), Map.entry("AcceptAgreement", "pme-demo"));
        assertThat(history("manager", "/history/activity-instance?processInstanceId=" + instanceId))
                .extracting(activity -> activity.path("activityId").asText())
                .contains(
                        "RegisterDossier",
                        "CheckEligibility",
                        "DetermineFundingRate",
                        "ComputeProposedAid",
                        "RecordDecision",
                        "AwardGrant",
                        "GrantAwarded");
    }

    @Test
    void dossierIsWalkedToRejectionThenAwaitsAPossibleContest() {
        JsonNode started = submit("pme-other", SampleDossiers.mediumCompany());
        String instanceId = started.path("id").asText();
        String number = started.path("businessKey").asText();

        SamplePieces.attachAll(attachments, number);
        complete("secretariat", instanceId, "CheckCompleteness", completeness(true));
        complete("expert", instanceId, "TechnicalEvaluation", favourableEvaluation());
        complete("committee", instanceId, "CommitteeDecision", rejection());
        await().atMost(ASYNC_STEP)
                .until(() -> dossiers.timeline(number).stream()
                        .anyMatch(event -> event.eventType().equals("NOTIFICATION_REJECTION")));

        Dossier rejected = dossiers.find(number).orElseThrow();
        assertThat(rejected.status()).isEqualTo(DossierStatus.REJECTED);
        assertThat(rejected.decision()).isEqualTo("REJECTED");
        assertThat(rejected.decisionMotivation()).isNotBlank();
        assertThat(rejected.grantedAidEur()).isNull();
        assertThat(rejected.closedAt()).isNotNull();
        assertThat(dossiers.timeline(number))
                .extracting(TimelineEntry::eventType)
                .endsWith("REJECTED", "NOTIFICATION_REJECTION");
        // The letter's timeline line is written in its own transaction once SMTP has taken it, a moment
        // before the job's transaction (and the step's history) commits.
        await().atMost(ASYNC_STEP)
                .untilAsserted(() -> assertThat(
                                history("manager", "/history/activity-instance?processInstanceId=" + instanceId))
                        .extracting(activity -> activity.path("activityId").asText())
                        .contains("NotifyRejection", "AwaitContest")
                        .doesNotContain("DraftAgreement", "DossierRejected"));
        assertThat(history("manager", "/history/process-instance/" + instanceId)
                        .path("state")
                        .asText())
                .as("open for two months to a contest in mediation")
                .isEqualTo("ACTIVE");
    }

    @Test
    void invalidCompletionIsRefusedWith400AndTheTaskStaysOpen() {
        String instanceId =
                submit("pme-demo", SampleDossiers.smallCompany()).path("id").asText();
        JsonNode task = awaitTask("secretariat", instanceId, "CheckCompleteness");

        ResponseEntity<JsonNode> refused = http.post()
                .uri("/task/{id}/complete", task.path("id").asText())
                .headers(h -> h.setBasicAuth("secretariat", "secretariat"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", RestVariables.of(Map.of("completenessOutcome", "INCOMPLETE"))))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {})
                .toEntity(JsonNode.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody().path("message").asText())
                .contains("le champ « Pièces ou informations manquantes » est obligatoire.");
        assertThat(openTask("secretariat", instanceId, "CheckCompleteness")
                        .path("id")
                        .asText())
                .isEqualTo(task.path("id").asText());
        assertThat(get("manager", "/process-instance/" + instanceId + "/variables")
                        .has("completenessOutcome"))
                .isFalse();
    }

    @Test
    void engineRestRequiresAuthentication() {
        ResponseEntity<String> anonymous = http.get()
                .uri("/task")
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {})
                .toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);

        // A failed login locks the user for a few seconds (ENGINE-27001): use one no other test needs.
        ResponseEntity<String> wrongPassword = http.get()
                .uri("/task")
                .headers(h -> h.setBasicAuth("mediator", "nope"))
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> {})
                .toEntity(String.class);
        assertThat(wrongPassword.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void eachDecisionTableCanBeEvaluatedOnItsOwn() {
        JsonNode category = evaluate(
                "rapid-company-category",
                Map.of(
                        "companyHeadcount",
                        120L,
                        "companyTurnoverEur",
                        30_000_000L,
                        "companyBalanceSheetEur",
                        20_000_000L));
        assertThat(category.get(0).path("companyCategory").path("value").asText())
                .isEqualTo("MEDIUM");

        Map<String, Object> eligibility = new LinkedHashMap<>(Map.of(
                "companyCategory",
                "ETI",
                "partnerCount",
                2L,
                "personnelCostEur",
                50_000L,
                "totalCostEur",
                300_000L,
                "defenceApplication",
                "Détection.",
                "civilApplication",
                "Sécurité civile."));
        JsonNode eligible = evaluate("rapid-eligibility", eligibility);
        assertThat(eligible).hasSize(1);
        assertThat(eligible.get(0).path("eligible").path("value").asBoolean()).isFalse();
        assertThat(eligible.get(0).path("ineligibilityReason").path("value").asText())
                .contains("tiers");

        JsonNode rate = evaluate(
                "rapid-funding-rate",
                Map.of("companyCategory", "ETI", "researchType", "INDUSTRIAL_RESEARCH", "collaboration", true));
        assertThat(rate.get(0).path("fundingRate").path("value").asDouble()).isEqualTo(0.55);
    }

    // --- the engine REST API, as each party's client would call it ------------------------------------

    /** The SME submits through its own API; the answer names the dossier and its process instance. */
    private JsonNode submit(String user, Map<String, Object> values) {
        JsonNode created = api.post()
                .uri("/api/dossiers")
                .headers(h -> h.setBasicAuth(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(values)
                .retrieve()
                .body(JsonNode.class);
        String number = created.path("dossierNumber").asText();
        JsonNode instance =
                get("manager", "/process-instance?businessKey=" + number).get(0);
        return JsonNodeFactory.instance
                .objectNode()
                .put("id", instance.path("id").asText())
                .put("businessKey", number);
    }

    private void complete(String user, String instanceId, String taskKey, Map<String, Object> values) {
        if (user.startsWith("pme")) {
            completeAsSme(user, instanceId, values);
            return;
        }
        String taskId = awaitTask(user, instanceId, taskKey).path("id").asText();
        {
            http.post()
                    .uri("/task/{id}/claim", taskId)
                    .headers(h -> h.setBasicAuth(user, user))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("userId", user))
                    .retrieve()
                    .toBodilessEntity();
        }
        http.post()
                .uri("/task/{id}/complete", taskId)
                .headers(h -> h.setBasicAuth(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", RestVariables.of(values)))
                .retrieve()
                .toBodilessEntity();
    }

    /** The SME finds its task in its own task list and completes it through its API. */
    private void completeAsSme(String user, String instanceId, Map<String, Object> values) {
        String number = get("manager", "/process-instance/" + instanceId)
                .path("businessKey")
                .asText();
        await().atMost(ASYNC_STEP).until(() -> smeTask(user, number) != null);
        api.post()
                .uri(
                        "/api/tasks/{id}/complete",
                        smeTask(user, number).path("id").asText())
                .headers(h -> h.setBasicAuth(user, user))
                .contentType(MediaType.APPLICATION_JSON)
                .body(values)
                .retrieve()
                .toBodilessEntity();
    }

    private JsonNode smeTask(String user, String dossierNumber) {
        JsonNode tasks = api.get()
                .uri("/api/tasks")
                .headers(h -> h.setBasicAuth(user, user))
                .retrieve()
                .body(JsonNode.class);
        for (JsonNode task : tasks) {
            if (dossierNumber.equals(task.path("dossierNumber").asText())) {
                return task;
            }
        }
        return null;
    }

    /** The job executor runs the asynchronous notification before the next task appears. */
    private JsonNode awaitTask(String user, String instanceId, String taskKey) {
        await().atMost(ASYNC_STEP).until(() -> openTask(user, instanceId, taskKey) != null);
        return openTask(user, instanceId, taskKey);
    }

    private JsonNode openTask(String user, String instanceId, String taskKey) {
        JsonNode tasks = get(user, "/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey);
        return tasks.isEmpty() ? null : tasks.get(0);
    }

    private List<Map.Entry<String, String>> completedTasksByUser(String instanceId) {
        JsonNode tasks = history(
                "manager",
                "/history/task?processInstanceId=" + instanceId + "&finished=true&sortBy=endTime&sortOrder=asc");
        return java.util.stream.StreamSupport.stream(tasks.spliterator(), false)
                .map(t -> Map.entry(
                        t.path("taskDefinitionKey").asText(), t.path("assignee").asText()))
                .toList();
    }

    private JsonNode evaluate(String key, Map<String, Object> inputs) {
        return http.post()
                .uri("/decision-definition/key/{key}/evaluate", key)
                .headers(h -> h.setBasicAuth("admin", "admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", RestVariables.of(inputs)))
                .retrieve()
                .body(JsonNode.class);
    }

    private JsonNode history(String user, String path) {
        return get(user, path);
    }

    private JsonNode get(String user, String path) {
        return http.get()
                .uri(path)
                .headers(h -> h.setBasicAuth(user, user))
                .retrieve()
                .body(JsonNode.class);
    }
}
