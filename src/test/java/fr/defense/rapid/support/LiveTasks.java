package fr.defense.rapid.support;

import static org.awaitility.Awaitility.await;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.security.Groups;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Dossiers and mediation cases of {@code pme-demo} brought, in the running application (job
 * executor on), to the task a staff role works: each step done by the right user through the
 * engine, as Tasklist would.
 */
public final class LiveTasks {

    private final ProcessEngine engine;
    private final Attachments attachments;

    /** @param attachments where the SME's pieces go: a dossier passes the completeness check with them only */
    public LiveTasks(ProcessEngine engine, Attachments attachments) {
        this.engine = engine;
        this.attachments = attachments;
    }

    /** A new dossier waiting at {@code CheckCompleteness}, {@code TechnicalEvaluation} or {@code CommitteeDecision}. */
    public Task dossierAt(String taskKey) {
        ProcessInstance dossier = start(RapidProcess.KEY, SampleDossiers.smallCompany());
        Task task = awaitTask(dossier, "CheckCompleteness");
        if (!taskKey.equals(task.getTaskDefinitionKey())) {
            SamplePieces.attachAll(attachments, dossier.getBusinessKey());
            complete("secretariat", task, SampleDossiers.completeness(true));
            task = awaitTask(dossier, "TechnicalEvaluation");
        }
        if (!taskKey.equals(task.getTaskDefinitionKey())) {
            complete("expert", task, SampleDossiers.favourableEvaluation());
            task = awaitTask(dossier, "CommitteeDecision");
        }
        return task;
    }

    /** A new mediation case waiting at {@code QualifyRequest}, or, its level 1 failed, at {@code ConductMediation}. */
    public Task caseAt(String taskKey) {
        ProcessInstance mediation = start(RapidProcess.MEDIATION_KEY, SampleMediations.contractDispute());
        Task task = awaitTask(mediation, "QualifyRequest");
        if (!taskKey.equals(task.getTaskDefinitionKey())) {
            complete("correspondent", task, SampleMediations.admissible());
            complete(
                    "correspondent",
                    awaitTask(mediation, "ContactSme"),
                    SampleMediations.firstContact(LocalDate.now()));
            complete("correspondent", awaitTask(mediation, "ConductMediation"), SampleMediations.failure());
            task = awaitTask(mediation, "ConductMediation");
        }
        return task;
    }

    /** Claims the task for this user, as Tasklist's "Claim" does. */
    public void claim(String user, Task task) {
        as(user, () -> {
            engine.getTaskService().claim(task.getId(), user);
            return null;
        });
    }

    /** Waits until no asynchronous step (notification) remains to run. */
    public void awaitQuiet() {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> engine.getManagementService()
                                .createJobQuery()
                                .executable()
                                .count()
                        == 0);
    }

    /** Starts a process as {@code pme-demo}, as the SME API does. */
    public ProcessInstance start(String processKey, Map<String, Object> variables) {
        return as("pme-demo", () -> engine.getRuntimeService().startProcessInstanceByKey(processKey, variables));
    }

    /** Claims and completes the task as this user, as Tasklist does. */
    public void complete(String user, Task task, Map<String, Object> variables) {
        as(user, () -> {
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }

    /** The instance's task of this key, once the job executor has brought the instance there. */
    public Task awaitTask(ProcessInstance instance, String taskKey) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> engine.getTaskService()
                                .createTaskQuery()
                                .processInstanceId(instance.getId())
                                .taskDefinitionKey(taskKey)
                                .singleResult(),
                        Objects::nonNull);
    }

    private <T> T as(String user, Supplier<T> action) {
        engine.getIdentityService().setAuthentication(user, Groups.of(engine.getIdentityService(), user));
        try {
            return action.get();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
