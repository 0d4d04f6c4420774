package fr.defense.rapid.perf;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.perf.Load.Sample;
import fr.defense.rapid.perf.RapidClient.Reply;
import fr.defense.rapid.support.RestVariables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the procedure benchmark measures, each operation as the real party does it over HTTP, and the
 * bare engine's equivalents it is compared with (a start → user task → end model deployed through
 * {@code /engine-rest}). {@link ProcedureBenchmark} runs them against a running application and prints
 * figures; {@code ProcedureSmokeTest} runs the same ones briefly against the test application and checks
 * what they did. Users are the demo profile's (password = id): the SME {@code pme-demo}, the
 * secretariat, the expert, the committee, the administrator (who deploys and starts the bare model:
 * only administrators may start a process through the engine API).
 */
final class ProcedureScenarios {

    static final String BARE_KEY = "bench-bare";
    static final String SME = "pme-demo";
    private static final String ADMIN = "admin";
    private static final long AWAIT_MILLIS = 120_000;

    /** Start → one user task of the experts → end: what the engine costs without our application. */
    private static final String BARE_MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="BenchBare" targetNamespace="http://rapid.example/bench">
              <bpmn:process id="bench-bare" name="Benchmark: bare start, task, end" isExecutable="true"
                  camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="BareStarted" />
                <bpmn:sequenceFlow id="BareStartedToBareWork" sourceRef="BareStarted" targetRef="BareWork" />
                <bpmn:userTask id="BareWork" name="Bare work" camunda:candidateGroups="dga-experts" />
                <bpmn:sequenceFlow id="BareWorkToBareEnded" sourceRef="BareWork" targetRef="BareEnded" />
                <bpmn:endEvent id="BareEnded" />
              </bpmn:process>
            </bpmn:definitions>
            """;

    private final RapidClient http;

    ProcedureScenarios(RapidClient http) {
        this.http = http;
    }

    /** Deploys the bare model as the administrator (unchanged: the deployment is kept). */
    void deployBareModel() {
        http.postFile(
                        ADMIN,
                        "/engine-rest/deployment/create",
                        "bench-bare.bpmn",
                        "bench-bare.bpmn",
                        BARE_MODEL.getBytes(StandardCharsets.UTF_8),
                        "deployment-name",
                        "procedure-benchmark",
                        "deploy-changed-only",
                        "true")
                .expect(200);
    }

    // --- submission ------------------------------------------------------------------------------------

    /** The bare engine: one instance started through {@code /engine-rest}; the result is its id. */
    Sample bareStart() {
        Reply reply = http.postJson(ADMIN, "/engine-rest/process-definition/key/" + BARE_KEY + "/start", Map.of());
        return new Sample(
                reply.nanos(),
                reply.status(),
                reply.status() == 200 ? reply.json().path("id").asText() : null);
    }

    /** The SME submits a dossier through our API, with an Idempotency-Key; the result is its number. */
    Sample submit() {
        Reply reply = http.postJson(
                SME,
                "/api/dossiers",
                SampleDossiers.smallCompany(),
                UUID.randomUUID().toString());
        return new Sample(
                reply.nanos(),
                reply.status(),
                reply.status() == 201 ? reply.json().path("dossierNumber").asText() : null);
    }

    // --- task completion -------------------------------------------------------------------------------

    /** A bare instance's task, claimed by the expert: ready to complete. */
    String bareTask() {
        String instance = bareStart().result();
        String task = awaitTask("expert", "processInstanceId=" + instance + "&taskDefinitionKey=BareWork");
        claim("expert", task);
        return task;
    }

    Sample completeBare(String taskId) {
        return sample(
                http.postJson("expert", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of())));
    }

    /** A new dossier, pieces attached, found complete, its technical evaluation claimed by the expert. */
    String evaluationTask() {
        String number = submitted();
        attachPieces(number);
        completeStaffTask("secretariat", number, "CheckCompleteness", SampleDossiers.completeness(true));
        String task = awaitTask("expert", byDossier(number, "TechnicalEvaluation"));
        claim("expert", task);
        return task;
    }

    /** The expert completes the evaluation through the engine API, as Tasklist does. */
    Sample completeEvaluation(String taskId) {
        return sample(http.postJson(
                "expert",
                "/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", RestVariables.of(SampleDossiers.favourableEvaluation()))));
    }

    /** A new dossier found incomplete: the SME's task to provide the complements. */
    String smeTask() {
        String number = submitted();
        completeStaffTask("secretariat", number, "CheckCompleteness", SampleDossiers.completeness(false));
        return awaitTask(ADMIN, byDossier(number, "ProvideComplements"));
    }

    /** The SME completes its task through our API ({@code /api/tasks/{id}/complete}). */
    Sample completeSmeTask(String taskId) {
        return sample(http.postJson(
                SME,
                "/api/tasks/" + taskId + "/complete",
                Map.of("complementsResponse", "Les pièces manquantes sont jointes au dossier.")));
    }

    // --- the whole procedure ---------------------------------------------------------------------------

    /**
     * Submission to grant awarded, every party acting in turn (SME, secretariat, expert, committee,
     * SME), the job executor running the notifications between them; timed from the submission to the
     * instance's end. The result is the dossier's number.
     */
    Sample lifecycle() {
        long start = System.nanoTime();
        String number = submitted();
        attachPieces(number);
        completeStaffTask("secretariat", number, "CheckCompleteness", SampleDossiers.completeness(true));
        completeStaffTask("expert", number, "TechnicalEvaluation", SampleDossiers.favourableEvaluation());
        completeStaffTask("committee", number, "CommitteeDecision", SampleDossiers.approval(190_000L));
        String acceptance = awaitTask(ADMIN, byDossier(number, "AcceptAgreement"));
        http.postJson(SME, "/api/tasks/" + acceptance + "/complete", Map.of("agreementResponse", "ACCEPTED"))
                .expect(204);
        awaitUntil(
                () -> "COMPLETED"
                        .equals(http.get(
                                        ADMIN,
                                        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + number)
                                .expect(200)
                                .json()
                                .path(0)
                                .path("state")
                                .asText()),
                "dossier " + number + " completed");
        return new Sample(System.nanoTime() - start, 200, number);
    }

    // --- the job executor --------------------------------------------------------------------------------

    /** How a queue of acknowledgments drained: {@code jobs} jobs run in {@code drainNanos}. */
    record Drain(List<String> dossiers, long jobs, long drainNanos) {
        double jobsPerSecond() {
            return jobs / (drainNanos / 1e9);
        }

        double notificationsPerSecond() {
            return dossiers.size() / (drainNanos / 1e9);
        }
    }

    /**
     * Queues {@code count} acknowledgments (the job definition of {@code NotifyAcknowledgment}'s
     * asynchronous start suspended while {@code count} dossiers are submitted), then lets the job
     * executor run them and times until no job of that step is left (each notification is two jobs: the
     * asynchronous continuations before and after the mail; a job whose retries ran out, an incident, is
     * not counted). The job definition is always reactivated.
     */
    Drain queueAndDrain(int count, int clients) {
        List<String> definitions = new ArrayList<>();
        for (JsonNode definition : http.get(
                        ADMIN,
                        "/engine-rest/job-definition?processDefinitionKey=rapid-subsidy&activityIdIn=NotifyAcknowledgment")
                .expect(200)
                .json()) {
            if ("async-before".equals(definition.path("jobConfiguration").asText())) {
                definitions.add(definition.path("id").asText());
            }
        }
        // From a quiet start: no acknowledgment of an earlier dossier left to run.
        awaitUntil(() -> jobCount() == 0, "earlier acknowledgments sent");
        try {
            definitions.forEach(id -> suspend(id, true));
            List<String> dossiers = Load.run(clients, count, i -> submit()).results();
            long queued = jobCount();
            long start = System.nanoTime();
            definitions.forEach(id -> suspend(id, false));
            awaitUntil(() -> jobCount() == 0, "acknowledgments drained");
            return new Drain(dossiers, queued * 2, System.nanoTime() - start);
        } finally {
            definitions.forEach(id -> suspend(id, false));
        }
    }

    private void suspend(String jobDefinitionId, boolean suspended) {
        http.putJson(
                        ADMIN,
                        "/engine-rest/job-definition/" + jobDefinitionId + "/suspended",
                        Map.of("suspended", suspended, "includeJobs", true))
                .expect(204);
    }

    private long jobCount() {
        return http.get(ADMIN, "/engine-rest/job/count?activityId=NotifyAcknowledgment&withRetriesLeft=true")
                .expect(200)
                .json()
                .path("count")
                .asLong();
    }

    // --- the parties' steps ----------------------------------------------------------------------------

    private String submitted() {
        Sample submitted = submit();
        if (submitted.status() != 201) {
            throw new IllegalStateException("Submission answered " + submitted.status());
        }
        return submitted.result();
    }

    /** The SME attaches the four pieces of a complete dossier (description, two tax returns, annex). */
    private void attachPieces(String number) {
        String[][] pieces = {
            {"PROJECT_DESCRIPTION", "Description du projet"},
            {"TAX_RETURN", "Liasse fiscale 2025"},
            {"TAX_RETURN", "Liasse fiscale 2024"},
            {"FINANCIAL_ANNEX", "Annexe financiere"}
        };
        for (String[] piece : pieces) {
            http.postFile(
                            SME,
                            "/api/dossiers/" + number + "/attachments",
                            "file",
                            piece[1] + ".pdf",
                            SamplePieces.pdf(piece[1]),
                            "kind",
                            piece[0])
                    .expect(201);
        }
    }

    /** The staff member finds the dossier's task in its group, claims and completes it, as in Tasklist. */
    private void completeStaffTask(String user, String number, String taskKey, Map<String, Object> values) {
        String task = awaitTask(user, byDossier(number, taskKey));
        claim(user, task);
        http.postJson(user, "/engine-rest/task/" + task + "/complete", Map.of("variables", RestVariables.of(values)))
                .expect(204);
    }

    private void claim(String user, String taskId) {
        http.postJson(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user))
                .expect(204);
    }

    private static String byDossier(String number, String taskKey) {
        return "processInstanceBusinessKey=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&taskDefinitionKey="
                + taskKey;
    }

    /** The task's id once the job executor has brought the instance there (polled, backing off to 200 ms). */
    private String awaitTask(String user, String query) {
        String[] found = new String[1];
        awaitUntil(
                () -> {
                    JsonNode tasks = http.get(user, "/engine-rest/task?" + query)
                            .expect(200)
                            .json();
                    found[0] = tasks.isEmpty() ? null : tasks.get(0).path("id").asText();
                    return found[0] != null;
                },
                "task " + query);
        return found[0];
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + AWAIT_MILLIS;
        long pause = 20;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Still waiting after " + AWAIT_MILLIS + " ms: " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause = Math.min(200, pause * 2);
        }
    }

    private static Sample sample(Reply reply) {
        return new Sample(reply.nanos(), reply.status(), null);
    }
}
