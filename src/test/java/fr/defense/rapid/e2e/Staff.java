package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;

/** What the end-to-end tests do on the engine's side, around what a user does in the browser. */
final class Staff {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;
    private final Attachments attachments;

    /** The engine's services of the application under test. */
    static Staff of(ApplicationContext application) {
        return new Staff(
                application.getBean(RuntimeService.class),
                application.getBean(TaskService.class),
                application.getBean(IdentityService.class),
                application.getBean(HistoryService.class),
                application.getBean(Attachments.class));
    }

    Staff(
            RuntimeService runtime,
            TaskService tasks,
            IdentityService identity,
            HistoryService history,
            Attachments attachments) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.history = history;
        this.attachments = attachments;
    }

    /** Starts a process as this user (an SME through the API, in reality): the engine records it as the initiator. */
    ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
        ProcessInstance instance = as(user, () -> runtime.startProcessInstanceByKey(processKey, variables));
        if ("rapid-subsidy".equals(processKey)) {
            // The SME's pieces, as a dossier submitted from a complete draft has them.
            SamplePieces.attachAll(attachments, instance.getBusinessKey());
        }
        return instance;
    }

    /** A dossier submitted without its pieces (one found ineligible is closed before they could be added). */
    ProcessInstance submitWithoutPieces(String user, Map<String, Object> submission) {
        return as(user, () -> runtime.startProcessInstanceByKey("rapid-subsidy", submission));
    }

    /** The engine, not the page, says the task was completed, and by whom. */
    void assertCompletedBy(Task task, String user) {
        HistoricTaskInstance done = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> history.createHistoricTaskInstanceQuery()
                                .taskId(task.getId())
                                .singleResult(),
                        historic -> historic.getEndTime() != null);
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo(user);
    }

    /** A process variable's value now, read from history so that it is there even once the instance has ended. */
    Object historicVariable(ProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    /** The open task of this instance, once the job executor has run the asynchronous steps before it. */
    Task awaitTask(ProcessInstance instance, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(instance.getId())
                                .taskDefinitionKey(taskDefinitionKey)
                                .singleResult(),
                        Objects::nonNull);
    }

    /** A step the test does not look at in the browser, done by the right user through the engine. */
    void completeAs(String user, Task task, Map<String, Object> variables) {
        as(user, () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    /** Acts as the user with its groups, so that Camunda's authorizations apply. */
    <T> T as(String user, Supplier<T> action) {
        identity.setAuthentication(user, Groups.of(identity, user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** A dossier of the demo SME, found complete by the secretariat: its technical evaluation is open. */
    ProcessInstance dossierAwaitingEvaluation(Map<String, Object> submission) {
        ProcessInstance dossier = startAs("pme-demo", "rapid-subsidy", submission);
        completeAs("secretariat", awaitTask(dossier, "CheckCompleteness"), SampleDossiers.completeness(true));
        return dossier;
    }

    /** A mediation case of the demo SME, qualified admissible and first contacted: level 1 is under way. */
    ProcessInstance caseAtLevelOne(Map<String, Object> request) {
        ProcessInstance instance = startAs("pme-demo", "mediation-escalation", request);
        completeAs("correspondent", awaitTask(instance, "QualifyRequest"), SampleMediations.admissible());
        completeAs(
                "correspondent",
                awaitTask(instance, "ContactSme"),
                SampleMediations.firstContact(LocalDate.now(EngineClock.PARIS)));
        return instance;
    }

    /** The running instance of a dossier or case, by its number (a dossier the SME filed in the portal). */
    ProcessInstance instance(String reference) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processInstanceBusinessKey(reference)
                                .singleResult(),
                        Objects::nonNull);
    }

    /** A dossier of the demo SME taken to the committee: found complete, evaluated favourably. */
    ProcessInstance dossierAwaitingDecision(Map<String, Object> submission) {
        ProcessInstance dossier = dossierAwaitingEvaluation(submission);
        completeAs("expert", awaitTask(dossier, "TechnicalEvaluation"), SampleDossiers.favourableEvaluation());
        awaitTask(dossier, "CommitteeDecision");
        return dossier;
    }

    /** The name Tasklist's user menu shows. */
    String firstName(String user) {
        return identity.createUserQuery().userId(user).singleResult().getFirstName();
    }
}
