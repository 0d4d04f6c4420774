package fr.defense.rapid.demo;

import static fr.defense.rapid.demo.SampleDossiers.approval;
import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static fr.defense.rapid.demo.SampleDossiers.favourableEvaluation;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.mediation.MediationRequests;
import fr.defense.rapid.security.ActingUser;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo data for the embedded default: users (see {@link DemoUsers}) and, on a first start only,
 * a few dossiers and mediation cases walked to different stages by the job executor and the demo
 * users, so that Tasklist and Cockpit show real work.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

    private final Optional<DemoUsers> users;
    private final boolean dossiers;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final MediationRequests mediations;
    private final Attachments attachments;

    DemoData(
            Optional<DemoUsers> users,
            DemoSettings settings,
            RuntimeService runtime,
            TaskService tasks,
            IdentityService identity,
            MediationRequests mediations,
            Attachments attachments) {
        this.users = users;
        this.dossiers = settings.dossiers();
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.mediations = mediations;
        this.attachments = attachments;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        users.ifPresent(DemoUsers::create);
        boolean firstStart = runtime.createProcessInstanceQuery()
                        .processDefinitionKey("rapid-subsidy")
                        .count()
                == 0;
        if (dossiers && users.isPresent() && firstStart) {
            CompletableFuture.runAsync(this::createDossiers).exceptionally(e -> {
                log.warn("Demo dossiers could not all be created", e);
                return null;
            });
        }
    }

    private void createDossiers() {
        Map<String, Object> medium = SampleDossiers.mediumCompany();
        submit("pme-other", SampleDossiers.largeCompany());
        submit("pme-demo", SampleDossiers.smallCompany());

        String incomplete = submit("pme-demo", SampleDossiers.smallCompany());
        complete(incomplete, "CheckCompleteness", "secretariat", completeness(false));

        String evaluation = submit("pme-demo", medium);
        attachPieces(evaluation);
        complete(evaluation, "CheckCompleteness", "secretariat", completeness(true));

        String decision = submit("pme-other", medium);
        attachPieces(decision);
        complete(decision, "CheckCompleteness", "secretariat", completeness(true));
        complete(decision, "TechnicalEvaluation", "expert", favourableEvaluation());

        String agreement = submit("pme-demo", SampleDossiers.smallCompany());
        attachPieces(agreement);
        complete(agreement, "CheckCompleteness", "secretariat", completeness(true));
        complete(agreement, "TechnicalEvaluation", "expert", favourableEvaluation());
        complete(agreement, "CommitteeDecision", "committee", approval(150_000L));
        waitForTask(agreement, "AcceptAgreement");
        log.info("Demo dossiers created");
        createMediationCases();
    }

    /** One case at each level, and the contest of a rejected dossier, so that the mediation shows real work too. */
    private void createMediationCases() {
        start("mediation-escalation", "pme-demo", SampleMediations.latePayment());

        String levelOne = start("mediation-escalation", "pme-other", SampleMediations.contractDispute());
        qualifyAndContact(levelOne);
        complete(
                levelOne,
                "ConductMediation",
                "correspondent",
                SampleMediations.action(today(), "Naval Systems SA — direction des achats"));

        String levelTwo = start("mediation-escalation", "pme-demo", SampleMediations.contractDispute());
        qualifyAndContact(levelTwo);
        complete(levelTwo, "ConductMediation", "correspondent", SampleMediations.failure());
        waitForTask(levelTwo, "ConductMediation");

        String handedOff = start("mediation-escalation", "pme-other", SampleMediations.contractDispute());
        qualifyAndContact(handedOff);
        complete(handedOff, "ConductMediation", "correspondent", SampleMediations.failure());
        complete(handedOff, "ConductMediation", "mediator", SampleMediations.failure());
        waitForTask(handedOff, "RateService");

        String rejected = start("rapid-subsidy", "pme-demo", SampleDossiers.mediumCompany());
        attachPieces(rejected);
        complete(rejected, "CheckCompleteness", "secretariat", completeness(true));
        complete(rejected, "TechnicalEvaluation", "expert", favourableEvaluation());
        complete(rejected, "CommitteeDecision", "committee", SampleDossiers.rejection());
        String dossierNumber = runtime.createProcessInstanceQuery()
                .processInstanceId(rejected)
                .singleResult()
                .getBusinessKey();
        waitForActivity(rejected, "AwaitContest");
        mediations.file(
                "pme-demo", Groups.of(identity, "pme-demo"), null, SampleMediations.rapidContest(dossierNumber));
        log.info("Demo mediation cases created");
    }

    private void qualifyAndContact(String instanceId) {
        complete(instanceId, "QualifyRequest", "correspondent", SampleMediations.admissible());
        complete(instanceId, "ContactSme", "correspondent", SampleMediations.firstContact(today()));
    }

    private static LocalDate today() {
        return LocalDate.now(EngineClock.PARIS);
    }

    /** The SME attaches its pieces, without which the secretariat cannot find the dossier complete. */
    private void attachPieces(String instanceId) {
        SamplePieces.attachAll(
                attachments,
                runtime.createProcessInstanceQuery()
                        .processInstanceId(instanceId)
                        .singleResult()
                        .getBusinessKey());
    }

    private String submit(String user, Map<String, Object> variables) {
        return start("rapid-subsidy", user, variables);
    }

    private String start(String processKey, String user, Map<String, Object> variables) {
        return ActingUser.call(
                identity,
                user,
                Groups.of(identity, user),
                () -> runtime.startProcessInstanceByKey(processKey, variables).getId());
    }

    private void complete(String instanceId, String taskKey, String user, Map<String, Object> variables) {
        Task task = waitForTask(instanceId, taskKey);
        // As the demo user with its groups, so that Camunda's authorizations apply as in Tasklist.
        ActingUser.run(identity, user, Groups.of(identity, user), () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
        });
    }

    /** The job executor runs the asynchronous steps in between: wait for it. */
    private Task waitForTask(String instanceId, String taskKey) {
        return waitFor(
                instanceId,
                taskKey,
                () -> tasks.createTaskQuery()
                        .processInstanceId(instanceId)
                        .taskDefinitionKey(taskKey)
                        .singleResult());
    }

    private void waitForActivity(String instanceId, String activityId) {
        waitFor(
                instanceId,
                activityId,
                () -> runtime.createExecutionQuery()
                                        .processInstanceId(instanceId)
                                        .activityId(activityId)
                                        .count()
                                > 0
                        ? Boolean.TRUE
                        : null);
    }

    private <T> T waitFor(String instanceId, String step, Supplier<T> found) {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            T result = found.get();
            if (result != null) {
                return result;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Demo instance " + instanceId + " never reached " + step);
    }
}
