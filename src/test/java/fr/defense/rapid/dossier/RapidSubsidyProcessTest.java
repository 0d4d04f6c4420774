package fr.defense.rapid.dossier;

import static fr.defense.rapid.demo.SampleDossiers.approval;
import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static fr.defense.rapid.demo.SampleDossiers.favourableEvaluation;
import static fr.defense.rapid.demo.SampleDossiers.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.system.EngineClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of {@code rapid-subsidy}, docs/procedures.md §2, stages 1 to 8. */
@ProcessTest
class RapidSubsidyProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    DossierRepository dossiers;

    RapidProcess rapid;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        rapid = new RapidProcess(engine, attachments);
        // A still clock: deadlines are then exact, and only timePasses() moves time.
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void submittedDossierIsNumberedAcknowledgedAndWaitsForTheSecretariat() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());

        String number = instance.getBusinessKey();
        assertThat(number).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(instance)
                .isWaitingAt("CheckCompleteness")
                .hasPassed("RegisterDossier", "NotifyAcknowledgment")
                .variables()
                .containsEntry("dossierNumber", number)
                .containsEntry("companyCategory", "SMALL")
                .containsEntry("eligible", true)
                .doesNotContainKey("projectSummary");
        // The task names its dossier, for Tasklist's rows and search (staff.TaskNames).
        assertThat(rapid.task(instance, "CheckCompleteness").getName())
                .isEqualTo("Vérifier la complétude du dossier — " + number + " — Optronique du Lac");
        assertThat(engine.getTaskService()
                        .getIdentityLinksForTask(
                                rapid.task(instance, "CheckCompleteness").getId()))
                .anyMatch(link -> "rapid-secretariat".equals(link.getGroupId()));

        Dossier dossier = dossiers.find(number).orElseThrow();
        assertThat(dossier.status()).isEqualTo(DossierStatus.COMPLETENESS_CHECK);
        assertThat(dossier.ownerId()).isEqualTo("pme-demo");
        assertThat(dossier.processInstanceId()).isEqualTo(instance.getId());
        assertThat(dossier.companyCategory()).isEqualTo("SMALL");
        assertThat(dossier.eligible()).isTrue();
        assertThat(dossiers.timeline(number))
                .extracting(TimelineEntry::eventType)
                .containsExactly("SUBMITTED", "NOTIFICATION_ACKNOWLEDGMENT", "COMPLETENESS_CHECK");
    }

    @Test
    void ineligibleDossierIsClosedWithItsReasonsKept() {
        Map<String, Object> large = SampleDossiers.largeCompany();
        large.put("personnelCostEur", 100_000L); // below a third of 400 000
        ProcessInstance instance = submitted(large);

        assertThat(instance)
                .isEnded()
                .hasPassed("CloseAsIneligible", "NotifyIneligibility", "DossierClosedBeforeDecision")
                .hasNotPassed("CheckCompleteness");
        Dossier dossier = dossiers.find(instance.getBusinessKey()).orElseThrow();
        assertThat(dossier.status()).isEqualTo(DossierStatus.INELIGIBLE);
        assertThat(dossier.eligible()).isFalse();
        assertThat(dossier.companyCategory()).isEqualTo("LARGE");
        assertThat(dossier.ineligibilityReasons()).contains("2 000 salariés").contains("moins du tiers");
        assertThat(dossier.closedAt()).isNotNull();
    }

    @Test
    void completeDossierGoesToTechnicalEvaluationByDgaExpertsWithItsSla() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(true));

        assertThat(instance).isWaitingAt("TechnicalEvaluation");
        Task evaluation = rapid.task(instance, "TechnicalEvaluation");
        assertThat(engine.getTaskService().getIdentityLinksForTask(evaluation.getId()))
                .anyMatch(link -> "dga-experts".equals(link.getGroupId()));
        assertThat(Duration.between(
                        ClockUtil.getCurrentTime().toInstant(),
                        evaluation.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(21));
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.UNDER_EVALUATION);
    }

    @Test
    void complementsProvidedInTimeSendTheDossierBackToTheSecretariat() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(false));

        assertThat(instance)
                .isWaitingAt("ProvideComplements")
                .hasPassed("RequestComplements", "NotifyComplementsRequest");
        Task complements = rapid.task(instance, "ProvideComplements");
        assertThat(complements.getAssignee()).isEqualTo("pme-demo");
        assertThat(Duration.between(
                        ClockUtil.getCurrentTime().toInstant(),
                        complements.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(30));
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.AWAITING_COMPLEMENTS);

        rapid.timePasses(instance, Duration.ofDays(10));
        rapid.complete(
                instance,
                "ProvideComplements",
                "pme-demo",
                Map.of("complementsResponse", "Liasse fiscale et annexe financière jointes au dossier."));

        assertThat(instance)
                .isWaitingAt("CheckCompleteness")
                .hasNotPassed("NotifyComplementsReminder")
                .variables()
                .doesNotContainKey("completenessOutcome")
                .containsKey("missingItems");
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(true));
        assertThat(instance).isWaitingAt("TechnicalEvaluation");
        // Answered in time: neither the reminder nor the closure timer is left behind.
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(instance.getId())
                        .timers()
                        .list())
                .extracting(job -> engine.getManagementService()
                        .createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId())
                        .singleResult()
                        .getActivityId())
                .containsExactly("EvaluationSlaExceeded");
    }

    @Test
    void smeIsRemindedSevenDaysBeforeTheComplementsDeadline() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(false));

        rapid.timePasses(instance, Duration.ofDays(22));
        assertThat(instance).hasNotPassed("NotifyComplementsReminder");

        rapid.timePasses(instance, Duration.ofDays(1).plusMinutes(1));
        assertThat(instance)
                .hasPassed("NotifyComplementsReminder", "ReminderSent")
                .isWaitingAt("ProvideComplements");
        assertThat(dossiers.timeline(instance.getBusinessKey()))
                .extracting(TimelineEntry::eventType)
                .contains("NOTIFICATION_COMPLEMENTS_REMINDER");
    }

    @Test
    void dossierIsClosedWhenComplementsAreNotProvidedWithin30Days() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(false));

        rapid.timePasses(instance, Duration.ofDays(29));
        assertThat(instance).isWaitingAt("ProvideComplements");

        rapid.timePasses(instance, Duration.ofDays(1).plusMinutes(1));
        assertThat(instance)
                .isEnded()
                .hasPassed(
                        "ComplementsDeadlinePassed",
                        "CloseWithoutFollowUp",
                        "NotifyClosureWithoutFollowUp",
                        "DossierClosedBeforeDecision");
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.CLOSED_WITHOUT_FOLLOW_UP);
    }

    @Test
    void managersAreAlertedWhenTheEvaluationTakesMoreThan21Days() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(true));

        rapid.timePasses(instance, Duration.ofDays(20));
        assertThat(instance).hasNotPassed("NotifyEvaluationOverdue");

        rapid.timePasses(instance, Duration.ofDays(1).plusMinutes(1));
        assertThat(instance)
                .hasPassed("EvaluationSlaExceeded", "NotifyEvaluationOverdue", "ManagersAlerted")
                .isWaitingAt("TechnicalEvaluation");
        // Late, but still welcome.
        rapid.complete(instance, "TechnicalEvaluation", "expert", favourableEvaluation());
        assertThat(instance).isWaitingAt("CommitteeDecision");
        assertThat(dossiers.timeline(instance.getBusinessKey()))
                .extracting(TimelineEntry::description)
                .anyMatch(text -> text.contains("Délai d'évaluation technique dépassé")
                        && text.contains("mission.achats@defense.example"));
    }

    @Test
    void approvedDossierIsGrantedOnceTheSmeAcceptsTheAgreement() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());

        // SMALL + industrial research + collaboration: 0.50 + 0.20 + 0.15 = 0.85, capped at 0.80;
        // 0.80 × 400 000 = 320 000 > 200 000 requested, so the proposal is the request.
        assertThat(instance).variables().containsEntry("fundingRate", 0.80).containsEntry("proposedAidEur", 200_000L);
        Dossier proposed = dossiers.find(instance.getBusinessKey()).orElseThrow();
        assertThat(proposed.fundingRate()).isEqualByComparingTo(new BigDecimal("0.80"));
        assertThat(proposed.status()).isEqualTo(DossierStatus.AWAITING_DECISION);

        rapid.complete(instance, "CommitteeDecision", "committee", approval(180_000L));

        assertThat(instance)
                .isWaitingAt("AcceptAgreement")
                .hasPassed("RecordDecision", "DraftAgreement", "NotifyApproval");
        Task agreement = rapid.task(instance, "AcceptAgreement");
        assertThat(agreement.getAssignee()).isEqualTo("pme-demo");
        assertThat(Duration.between(
                        ClockUtil.getCurrentTime().toInstant(),
                        agreement.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(60));
        Dossier approved = dossiers.find(instance.getBusinessKey()).orElseThrow();
        assertThat(approved.status()).isEqualTo(DossierStatus.APPROVED);
        assertThat(approved.decision()).isEqualTo("APPROVED");
        assertThat(approved.grantedAidEur()).isEqualTo(180_000L);
        assertThat(approved.decidedAt()).isNotNull();

        rapid.complete(instance, "AcceptAgreement", "pme-demo", Map.of("agreementResponse", "ACCEPTED"));

        assertThat(instance).isEnded().hasPassed("AwardGrant", "NotifyGrantAwarded", "GrantAwarded");
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.GRANTED);
    }

    @Test
    void proposalIsTheRateTimesTheCostWhenTheRequestIsHigher() {
        Map<String, Object> medium = SampleDossiers.mediumCompany();
        ProcessInstance instance = atCommitteeDecision(medium);

        // MEDIUM + experimental development, alone: 0.25 + 0.10 = 0.35; 0.35 × 900 000 = 315 000 < 500 000.
        assertThat(instance)
                .variables()
                .containsEntry("companyCategory", "MEDIUM")
                .containsEntry("fundingRate", 0.35)
                .containsEntry("proposedAidEur", 315_000L);
    }

    @Test
    void dossierSubmittedWithoutTheCollaborationBoxIsProposedTheRateWithoutCollaboration() {
        Map<String, Object> noBox = SampleDossiers.smallCompany();
        noBox.remove("collaboration");
        ProcessInstance instance = atCommitteeDecision(noBox);

        // SMALL + industrial research, alone: 0.70 × 400 000 = 280 000 > 200 000 requested.
        assertThat(instance)
                .variables()
                .containsEntry("collaboration", false)
                .containsEntry("fundingRate", 0.70)
                .containsEntry("proposedAidEur", 200_000L);
    }

    @Test
    void smeDecliningTheAgreementClosesTheDossier() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());
        rapid.complete(instance, "CommitteeDecision", "committee", approval(200_000L));
        rapid.complete(instance, "AcceptAgreement", "pme-demo", Map.of("agreementResponse", "DECLINED"));

        assertThat(instance)
                .isEnded()
                .hasPassed("CloseAsDeclined", "AgreementDeclined")
                .hasNotPassed("AwardGrant");
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.AGREEMENT_DECLINED);
    }

    @Test
    void agreementNotAcceptedWithin60DaysExpires() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());
        rapid.complete(instance, "CommitteeDecision", "committee", approval(200_000L));

        rapid.timePasses(instance, Duration.ofDays(59));
        assertThat(instance).isWaitingAt("AcceptAgreement");
        rapid.timePasses(instance, Duration.ofDays(1).plusMinutes(1));

        assertThat(instance)
                .isEnded()
                .hasPassed("AgreementDeadlinePassed", "CloseAsAgreementExpired", "AgreementExpired");
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.AGREEMENT_EXPIRED);
    }

    @Test
    void rejectedDossierGetsItsDecisionLetterAndMayBeContestedForTwoMonths() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());
        rapid.complete(instance, "CommitteeDecision", "committee", rejection());

        assertThat(instance)
                .hasPassed("RecordDecision", "NotifyRejection")
                .hasNotPassed("DraftAgreement")
                .isWaitingAt("AwaitContest")
                .variables()
                .containsEntry(
                        "contestDueDate",
                        Date.from(ClockUtil.getCurrentTime()
                                .toInstant()
                                .atZone(EngineClock.PARIS)
                                .plusMonths(2)
                                .with(LocalTime.MAX)
                                .withNano(0)
                                .toInstant()));
        Dossier rejected = dossiers.find(instance.getBusinessKey()).orElseThrow();
        assertThat(rejected.status()).isEqualTo(DossierStatus.REJECTED);
        assertThat(rejected.decision()).isEqualTo("REJECTED");
        assertThat(rejected.grantedAidEur()).isNull();
        assertThat(rejected.decisionMotivation()).contains("insuffisamment démontré");
    }

    @Test
    void rejectionIsFinalOnceTheContestPeriodIsOver() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());
        rapid.complete(instance, "CommitteeDecision", "committee", rejection());

        rapid.timePasses(instance, Duration.ofDays(62));

        assertThat(instance)
                .isEnded()
                .hasPassed("ContestPeriodOver", "RejectionSettled", "DossierRejected")
                .hasNotPassed("OpenMediationCase");
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().mediationCaseNumber())
                .isNull();
    }

    @Test
    void smeMayWithdrawItsDossierDuringTheInstruction() {
        ProcessInstance instance = submitted(SampleDossiers.smallCompany());
        rapid.complete(instance, "CheckCompleteness", "secretariat", completeness(true));

        withdraw(instance);
        rapid.runDueJobs(instance);

        assertThat(instance)
                .isEnded()
                .hasPassed("WithdrawalRequested", "CloseAsWithdrawn", "NotifyWithdrawal", "DossierWithdrawn");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isZero();
        assertThat(dossiers.find(instance.getBusinessKey()).orElseThrow().status())
                .isEqualTo(DossierStatus.WITHDRAWN);
    }

    @Test
    void withdrawalIsNoLongerPossibleOnceTheCommitteeHasDecided() {
        ProcessInstance instance = atCommitteeDecision(SampleDossiers.smallCompany());
        rapid.complete(instance, "CommitteeDecision", "committee", approval(200_000L));

        assertThatThrownBy(() -> withdraw(instance)).isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(instance).isWaitingAt("AcceptAgreement");
    }

    private void withdraw(ProcessInstance instance) {
        engine.getRuntimeService()
                .createMessageCorrelation("RapidWithdrawalRequested")
                .processInstanceBusinessKey(instance.getBusinessKey())
                .correlate();
    }

    private ProcessInstance submitted(Map<String, Object> variables) {
        return rapid.submitted(variables);
    }

    private ProcessInstance atCommitteeDecision(Map<String, Object> variables) {
        ProcessInstance instance = rapid.atCommitteeDecision(variables);
        assertThat(instance).isWaitingAt("CommitteeDecision");
        return instance;
    }
}
