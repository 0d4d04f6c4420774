package fr.defense.rapid.support;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.security.Groups;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** Drives {@code rapid-subsidy} and {@code mediation-escalation} in process tests: who acts, which jobs run, what time it is. */
public final class RapidProcess {

    public static final String KEY = "rapid-subsidy";
    public static final String MEDIATION_KEY = "mediation-escalation";

    private final ProcessEngine engine;
    private final Attachments attachments;

    /**
     * @param attachments where the SME's pieces go: every dossier submitted here gets them, as one
     *                    submitted from a complete draft has them (the completeness check needs them)
     */
    public RapidProcess(ProcessEngine engine, Attachments attachments) {
        this.engine = engine;
        this.attachments = attachments;
    }

    /** Submits a dossier as the given SME user, as the start form would. */
    public ProcessInstance submit(String user, Map<String, Object> variables) {
        ProcessInstance instance = start(KEY, user, variables);
        SamplePieces.attachAll(attachments, instance.getBusinessKey());
        return instance;
    }

    /** A dossier submitted without its pieces (a process started otherwise than from a draft). */
    public ProcessInstance submitWithoutPieces(String user, Map<String, Object> variables) {
        return start(KEY, user, variables);
    }

    /** Starts a process as the given SME user, as its start form would. */
    public ProcessInstance start(String processKey, String user, Map<String, Object> variables) {
        authenticate(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** A dossier of {@code pme-demo}, numbered and acknowledged, waiting for the secretariat. */
    public ProcessInstance submitted(Map<String, Object> dossier) {
        ProcessInstance instance = submit("pme-demo", dossier);
        runDueJobs(instance);
        return instance;
    }

    public ProcessInstance atTechnicalEvaluation(Map<String, Object> dossier) {
        ProcessInstance instance = submitted(dossier);
        complete(instance, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        return instance;
    }

    public ProcessInstance atCommitteeDecision(Map<String, Object> dossier) {
        ProcessInstance instance = atTechnicalEvaluation(dossier);
        complete(instance, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        return instance;
    }

    /** Rejected by the committee, its letter sent: open to a contest for two months. */
    public ProcessInstance rejected(Map<String, Object> dossier) {
        ProcessInstance instance = atCommitteeDecision(dossier);
        complete(instance, "CommitteeDecision", "committee", SampleDossiers.rejection());
        return instance;
    }

    /** A mediation request of {@code pme-demo}, registered and acknowledged, waiting for its qualification. */
    public ProcessInstance filed(Map<String, Object> request) {
        ProcessInstance instance = start(MEDIATION_KEY, "pme-demo", request);
        runDueJobs(instance);
        return instance;
    }

    /** Admissible and contacted on that day: the correspondent conducts the level-1 mediation. */
    public ProcessInstance atLevelOne(Map<String, Object> request, LocalDate contactedOn) {
        ProcessInstance instance = filed(request);
        complete(instance, "QualifyRequest", "correspondent", SampleMediations.admissible());
        complete(instance, "ContactSme", "correspondent", SampleMediations.firstContact(contactedOn));
        return instance;
    }

    /** Runs the jobs that are due (asynchronous notifications, timers), as the job executor would. */
    public void runDueJobs(ProcessInstance instance) {
        for (int round = 0; round < 20; round++) {
            // executable(): retries left and due on the engine clock (async steps have no due date)
            List<Job> due = engine.getManagementService()
                    .createJobQuery()
                    .processInstanceId(instance.getId())
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming for " + instance.getId());
    }

    /** Completes the instance's open task of the given key as the given user, then runs due jobs. */
    public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = task(instance, taskKey);
        authenticate(user);
        try {
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runDueJobs(instance);
    }

    /** Acts as the user with its groups: Camunda's authorizations apply. */
    private void authenticate(String user) {
        engine.getIdentityService().setAuthentication(user, Groups.of(engine.getIdentityService(), user));
    }

    public Task task(ProcessInstance instance, String taskKey) {
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new AssertionError("No open task " + taskKey + " in " + instance.getId());
        }
        return task;
    }

    /** Moves the engine clock forward, then runs whatever became due (timers included). */
    public void timePasses(ProcessInstance instance, Duration duration) {
        ClockUtil.setCurrentTime(Date.from(now().toInstant().plus(duration)));
        runDueJobs(instance);
    }

    private static Date now() {
        return ClockUtil.getCurrentTime();
    }
}
