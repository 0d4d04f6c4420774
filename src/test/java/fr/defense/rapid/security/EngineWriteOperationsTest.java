package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.EngineRestOperations;
import fr.defense.rapid.support.EngineRestOperations.Operation;
import fr.defense.rapid.support.EngineRestOperations.Target;
import fr.defense.rapid.support.EngineState;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.LiveTasks;
import fr.defense.rapid.support.WebappSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every write operation of Camunda's engine REST API (from Camunda's own OpenAPI document), for
 * every staff role, aimed at that role's live task, its instance and execution, with a body that
 * tries to set variables: nothing changes in the engine, but what the allowed calls do (a claim for
 * oneself). The same through the webapps' engine API that Tasklist and
 * Cockpit use. The figures are printed.
 */
@AppTest
class EngineWriteOperationsTest {

    /** Each staff role and the application whose session it gets in the webapps. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("secretariat", "tasklist");
        ROLES.put("expert", "tasklist");
        ROLES.put("committee", "tasklist");
        ROLES.put("correspondent", "tasklist");
        ROLES.put("mediator", "tasklist");
        ROLES.put("manager", "cockpit");
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcTemplate jdbc;

    EngineState database;

    @Test
    void noWriteOperationOfEitherEngineApiChangesAnythingForStaff() {
        database = new EngineState(jdbc);
        LiveTasks live = new LiveTasks(engine, attachments);
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("secretariat", live.dossierAt("CheckCompleteness"));
        tasks.put("expert", live.dossierAt("TechnicalEvaluation"));
        tasks.put("committee", live.dossierAt("CommitteeDecision"));
        tasks.put("correspondent", live.caseAt("QualifyRequest"));
        tasks.put("mediator", live.caseAt("ConductMediation"));
        tasks.forEach((user, task) -> live.claim(user, task));
        // Managers work no task: they are aimed at the committee's.
        tasks.put("manager", tasks.get("committee"));
        live.awaitQuiet();

        List<Operation> operations = EngineRestOperations.writeOperations();
        assertThat(operations).hasSizeGreaterThan(180);
        Http http = new Http(port);

        Sweep rest = new Sweep("Engine REST API (/engine-rest)");
        Sweep webapps = new Sweep("Webapps' engine API (" + WebappSession.ENGINE_API + ")");
        for (String user : ROLES.keySet()) {
            Task task = tasks.get(user);
            Target target = target(user, task);
            WebappSession session = WebappSession.login(port, user, ROLES.get(user));
            assertThat(session.loginStatus())
                    .as(user + " logs into " + ROLES.get(user))
                    .isEqualTo(200);
            for (Operation operation : operations) {
                rest.attempt(
                        user,
                        task,
                        operation,
                        () -> http.request(
                                user,
                                operation.method(),
                                "/engine-rest" + operation.url(target),
                                operation.contentType(),
                                operation.body(target)));
                webapps.attempt(
                        user,
                        task,
                        operation,
                        () -> session.request(
                                operation.method(),
                                WebappSession.ENGINE_API + operation.url(target),
                                operation.contentType(),
                                operation.body(target)));
            }
        }
        System.out.println(rest.report(operations.size()));
        System.out.println(webapps.report(operations.size()));

        assertThat(rest.changes).as("changes through the engine REST API").isEmpty();
        assertThat(webapps.changes)
                .as("changes through the webapps' engine API")
                .isEmpty();
        // A refusal is a clear 403; Camunda itself answers some hostile bodies with a 500 before writing anything.
        for (Sweep sweep : List.of(rest, webapps)) {
            assertThat(sweep.serverErrors)
                    .as(sweep.api)
                    .noneMatch(
                            error -> error.contains("AuthorizationException") || error.contains("Opération refusée"));
            assertThat(sweep.refusals)
                    .as(sweep.api + ": refusals of the allow-list")
                    .isPositive();
        }
        for (String user : ROLES.keySet()) {
            assertThat(engine.getIdentityService().checkPassword(user, user))
                    .as(user + "'s password")
                    .isTrue();
        }
    }

    private Target target(String user, Task task) {
        Map<String, String> ids = new HashMap<>();
        ids.put("user", user);
        ids.put("task", task.getId());
        ids.put("taskKey", task.getTaskDefinitionKey());
        ids.put("instance", task.getProcessInstanceId());
        ids.put("execution", task.getExecutionId());
        ids.put("definition", task.getProcessDefinitionId());
        var definition = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId());
        ids.put("processKey", definition.getKey());
        ids.put("deployment", definition.getDeploymentId());
        ids.put(
                "businessKey",
                engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .singleResult()
                        .getBusinessKey());
        engine.getManagementService().createJobQuery().processInstanceId(task.getProcessInstanceId()).list().stream()
                .findFirst()
                .map(Job::getId)
                .ifPresent(job -> ids.put("job", job));
        engine
                .getManagementService()
                .createJobDefinitionQuery()
                .processDefinitionId(task.getProcessDefinitionId())
                .list()
                .stream()
                .findFirst()
                .ifPresent(definitionOfJob -> ids.put("jobDefinition", definitionOfJob.getId()));
        engine
                .getRepositoryService()
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("rapid-funding-rate")
                .latestVersion()
                .list()
                .stream()
                .findFirst()
                .ifPresent(decision -> ids.put("decisionDefinition", decision.getId()));
        engine.getFilterService().createFilterQuery().list().stream()
                .findFirst()
                .ifPresent(filter -> ids.put("filter", filter.getId()));
        engine.getAuthorizationService().createAuthorizationQuery().groupIdIn("sme").list().stream()
                .findFirst()
                .ifPresent(authorization -> ids.put("authorization", authorization.getId()));
        // The withdrawal (RAPID) or any message the instance waits for: correlating it would move the instance.
        List<EventSubscription> messages = engine.getRuntimeService()
                .createEventSubscriptionQuery()
                .processInstanceId(task.getProcessInstanceId())
                .eventType("message")
                .list();
        EventSubscription message = messages.isEmpty() ? null : messages.get(0);
        ids.put("message", message == null ? "RapidWithdrawalRequested" : message.getEventName());
        ids.put("subscriptionExecution", message == null ? task.getExecutionId() : message.getExecutionId());
        Execution execution = engine.getRuntimeService()
                .createExecutionQuery()
                .executionId(task.getExecutionId())
                .singleResult();
        assertThat(execution).isNotNull();
        return new Target(ids);
    }

    /** The calls through one API, what they answered and what they changed. */
    private final class Sweep {

        private final String api;
        private final Map<String, Integer> statuses = new TreeMap<>();
        private final List<String> changes = new ArrayList<>();
        private final List<String> serverErrors = new ArrayList<>();
        private int calls;
        private long callNanos;
        private long snapshotNanos;
        private int snapshots;
        private int refusals;
        private int allowedChanges;
        /** The engine's state after the last call, the baseline of the next. */
        private Map<String, String> state;

        Sweep(String api) {
            this.api = api;
        }

        void attempt(String user, Task task, Operation operation, Supplier<Http.Response> call) {
            if (state == null) {
                state = database.now();
            }
            Map<String, String> before = state;
            String written = database.writePosition();
            long started = System.nanoTime();
            Http.Response response = call.get();
            callNanos += System.nanoTime() - started;
            calls++;
            statuses.merge(response.status() / 100 + "xx", 1, Integer::sum);
            if (response.status() == 403 && response.body().contains("Opération refusée")) {
                refusals++;
            }
            if (response.status() >= 500) {
                serverErrors.add(user + " " + operation + " → " + response.status() + " " + response.body());
            }
            if (database.writePosition().equals(written)) {
                return;
            }
            started = System.nanoTime();
            Map<String, String> after = database.now();
            snapshots++;
            snapshotNanos += System.nanoTime() - started;
            state = after;
            List<String> differences = EngineState.differences(before, after);
            if (differences.isEmpty()) {
                return;
            }
            if (isOwnClaimOrItsReturn(user, task, operation, before, after)) {
                // The allowed call did what it may: put the claim back for the next operations.
                allowedChanges++;
                if (engine.getTaskService()
                                .createTaskQuery()
                                .taskId(task.getId())
                                .singleResult()
                                .getAssignee()
                        == null) {
                    new LiveTasks(engine, attachments).claim(user, task);
                    state = database.now();
                }
                return;
            }
            changes.add(user + " " + operation + " → " + response.status() + ": " + differences);
        }

        /**
         * The only change a staff member may make outside a form: its own task's assignee, to itself or
         * to nobody (with the operation log and the assignee's rights that go with it).
         */
        private boolean isOwnClaimOrItsReturn(
                String user, Task task, Operation operation, Map<String, String> before, Map<String, String> after) {
            if (!operation.path().equals("/task/{id}/claim")
                    && !operation.path().equals("/task/{id}/unclaim")) {
                return false;
            }
            String taskKey = "act_ru_task " + task.getId();
            String bookkeeping = "(assignee_|rev_|last_updated_)=[^|]*";
            boolean onlyAssignee = before.get(taskKey)
                            .replaceAll(bookkeeping, "")
                            .equals(after.get(taskKey).replaceAll(bookkeeping, ""))
                    && after.get(taskKey).matches(".*\\|assignee_=(null|" + user + ")\\|.*");
            return onlyAssignee
                    && EngineState.differences(before, after).stream()
                            .allMatch(difference -> difference.startsWith(taskKey + ":")
                                    || difference.startsWith("act_ru_task:")
                                    || difference.startsWith("act_hi_")
                                    || difference.startsWith("act_ru_authorization:"));
        }

        String report(int operations) {
            return ("%s: %d write operations × %d staff roles = %d calls: %s, of which %d refused by the allow-list "
                            + "(the others by Camunda's authorizations or its input checks); %d allowed changes (own claim), %d other changes; "
                            + "%d s in the calls, %d s comparing the %d state(s) that PostgreSQL's log said may have changed")
                    .formatted(
                            api,
                            operations,
                            ROLES.size(),
                            calls,
                            statuses,
                            refusals,
                            allowedChanges,
                            changes.size(),
                            callNanos / 1_000_000_000,
                            snapshotNanos / 1_000_000_000,
                            snapshots);
        }
    }
}
