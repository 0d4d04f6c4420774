package fr.defense.rapid.mediation;

import static fr.defense.rapid.demo.SampleMediations.action;
import static fr.defense.rapid.demo.SampleMediations.admissible;
import static fr.defense.rapid.demo.SampleMediations.agreement;
import static fr.defense.rapid.demo.SampleMediations.failure;
import static fr.defense.rapid.demo.SampleMediations.firstContact;
import static fr.defense.rapid.demo.SampleMediations.notAdmissible;
import static fr.defense.rapid.demo.SampleMediations.rating;
import static fr.defense.rapid.demo.SampleMediations.renewalProposal;
import static fr.defense.rapid.demo.SampleMediations.renewalResponse;
import static fr.defense.rapid.demo.SampleMediations.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of {@code mediation-escalation}, docs/procedures.md §3, on the engine clock. */
@ProcessTest
class MediationEscalationProcessTest {

    static final String KEY = "mediation-escalation";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 13 May 2026, the day before Ascension: the working-day count skips two holidays. */
    static final ZonedDateTime FILED = ZonedDateTime.of(2026, 5, 13, 10, 0, 0, 0, PARIS);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    MediationRepository cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediationRequests requests;

    @Autowired
    DossierRepository dossiers;

    RapidProcess process;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        process = new RapidProcess(engine, attachments);
        ClockUtil.setCurrentTime(Date.from(FILED.toInstant()));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void requestIsNumberedAcknowledgedAndWaitsForQualificationWithinFifteenWorkingDays() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());

        String number = instance.getBusinessKey();
        assertThat(number).matches("MED-2026-\\d{5}");
        assertThat(instance)
                .hasPassed("RegisterCase", "NotifyCaseAcknowledgment")
                .isWaitingAt("QualifyRequest", "WithdrawCase");
        // 15 working days from 13/05/2026: Ascension (14/05) and Whit Monday (25/05) do not count.
        assertThat(process.task(instance, "QualifyRequest").getDueDate())
                .isEqualTo(Date.from(
                        ZonedDateTime.of(2026, 6, 5, 23, 59, 59, 0, PARIS).toInstant()));
        assertThat(engine.getTaskService()
                        .getIdentityLinksForTask(
                                process.task(instance, "QualifyRequest").getId()))
                .anyMatch(link -> "sme-correspondents".equals(link.getGroupId()));
        assertThat(process.task(instance, "WithdrawCase").getAssignee()).isEqualTo("pme-demo");

        MediationCase stored = cases.find(number).orElseThrow();
        assertThat(stored.ownerId()).isEqualTo("pme-demo");
        assertThat(stored.level()).isEqualTo(1);
        assertThat(stored.outcome()).isNull();
        assertThat(stored.lateDays()).isNull();
        assertThat(cases.timeline(number))
                .extracting(TimelineEntry::eventType)
                .containsExactly("FILED", "NOTIFICATION_MEDIATION_ACKNOWLEDGMENT");
    }

    @Test
    void latePaymentRequestCarriesWhatTheLawGrants() {
        ProcessInstance instance = filed(SampleMediations.latePayment());

        // Received 02/03/2026, due 01/04/2026, paid 30/04/2026: 29 days late, in the first half of
        // 2026, when the ECB rate of 01/01/2026 was 2.15 %: 12 000 × 10.15 % × 29 / 365 = 96.77 € + 40 €.
        MediationCase stored = cases.find(instance.getBusinessKey()).orElseThrow();
        assertThat(stored.lateDays()).isEqualTo(29L);
        assertThat(stored.lateInterestEur()).isEqualByComparingTo(new BigDecimal("136.77"));
        assertThat(stored.lateInterestComputation())
                .contains("96,77 €")
                .contains("10,15 %")
                .contains("40,00 €");
        assertThat(instance).variables().containsEntry("lateDays", 29L).containsEntry("lateInterestEur", 136.77);
    }

    @Test
    void requestThatIsNotAdmissibleIsClosedWithItsReasonAndTheSmeIsAskedToRateTheService() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());

        process.complete(instance, "QualifyRequest", "correspondent", notAdmissible());

        assertThat(instance)
                .hasPassed(
                        "RecordQualification",
                        "CloseAsNotAdmissible",
                        "CaseClosedNotAdmissible",
                        "NotifyCaseOutcome",
                        "NotifySurveyInvitation")
                .isWaitingAt("RateService");
        assertThat(process.task(instance, "RateService").getAssignee()).isEqualTo("pme-demo");
        MediationCase closed = cases.find(instance.getBusinessKey()).orElseThrow();
        assertThat(closed.admissible()).isFalse();
        assertThat(closed.outcome()).isEqualTo(MediationOutcome.NOT_ADMISSIBLE);
        assertThat(closed.answeredAt()).isNotNull();
        assertThat(closed.closedAt()).isNotNull();
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey("WithdrawCase")
                        .count())
                .isZero();
    }

    @Test
    void missedAnswerCommitmentAlertsWithoutStoppingTheQualification() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());

        process.timePasses(instance, Duration.ofDays(23)); // 05/06 10:00: still in time
        assertThat(instance).hasNotPassed("NotifyAnswerOverdue");
        process.timePasses(instance, Duration.ofHours(14)); // 06/06 00:00: the 15th working day is over

        assertThat(instance)
                .hasPassed("AnswerCommitmentMissed", "NotifyAnswerOverdue", "AnswerOverdueNotified")
                .isWaitingAt("QualifyRequest", "WithdrawCase");
    }

    @Test
    void admissibleRequestNamesTheContactThenTheFirstContactIsDueWithinSevenDays() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "QualifyRequest", "correspondent", admissible());

        assertThat(instance).hasPassed("NotifyAdmissible").isWaitingAt("ContactSme", "WithdrawCase");
        assertThat(process.task(instance, "ContactSme").getDueDate())
                .isEqualTo(Date.from(FILED.plusDays(7).toInstant()));
        process.timePasses(instance, Duration.ofDays(7).plusMinutes(1));
        assertThat(instance)
                .hasPassed("FirstContactOverdue", "NotifyFirstContactOverdue")
                .isWaitingAt("ContactSme", "WithdrawCase");

        process.complete(instance, "ContactSme", "correspondent", firstContact(LocalDate.of(2026, 5, 20)));
        assertThat(instance).isWaitingAt("ConductMediation", "WithdrawCase");
        assertThat(cases.actions(instance.getBusinessKey()))
                .singleElement()
                .satisfies(a -> assertThat(a.actionDate()).isEqualTo(LocalDate.of(2026, 5, 20)));
    }

    @Test
    void actionsAreRecordedThenAnAgreementClosesTheCaseAndTheRatingIsKept() {
        ProcessInstance instance = atLevelOne();
        process.complete(
                instance,
                "ConductMediation",
                "correspondent",
                action(LocalDate.of(2026, 5, 13), "Service payeur de Lyon"));
        assertThat(instance)
                .isWaitingAt("ConductMediation", "WithdrawCase")
                .variables()
                .containsEntry("mediationStep", null)
                .containsEntry("actionSummary", null);
        process.complete(instance, "ConductMediation", "correspondent", agreement(LocalDate.of(2026, 7, 1)));

        assertThat(instance)
                .hasPassed("LevelAgreement", "CloseWithAgreement", "CaseClosedWithAgreement", "NotifyCaseOutcome")
                .isWaitingAt("RateService");
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().outcome())
                .isEqualTo(MediationOutcome.AGREEMENT);
        assertThat(cases.actions(instance.getBusinessKey()))
                .extracting(MediationRepository.Action::counterpart)
                .contains("Service payeur de Lyon");

        process.complete(instance, "RateService", "pme-demo", rating(4));
        assertThat(instance).isEnded().hasPassed("RecordSatisfaction", "ServiceRated");
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().satisfactionRating())
                .isEqualTo(4);
    }

    @Test
    void levelOneFailureHandsTheCaseToTheMinistryMediatorWithItsOwnDeadline() {
        ProcessInstance instance = atLevelOne();
        process.timePasses(instance, Duration.ofDays(10));

        process.complete(instance, "ConductMediation", "correspondent", failure());

        assertThat(instance)
                .hasPassed("LevelFailed", "LevelFailureEscalated", "EscalateAfterFailure", "NotifyEscalation")
                .isWaitingAt("ConductMediation", "WithdrawCase");
        assertThat(engine.getTaskService()
                        .getIdentityLinksForTask(
                                process.task(instance, "ConductMediation").getId()))
                .anyMatch(link -> "ministry-mediators".equals(link.getGroupId()));
        assertThat(process.task(instance, "ConductMediation").getDueDate())
                .isEqualTo(Date.from(FILED.plusDays(10).plusMonths(3).toInstant()));
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().level()).isEqualTo(2);
    }

    @Test
    void levelOneDeadlineAlertsAndEscalates() {
        ProcessInstance instance = atLevelOne();

        process.timePasses(instance, Duration.ofDays(92).plusMinutes(1)); // 13/05 + 3 months = 13/08

        assertThat(instance)
                .hasPassed(
                        "LevelDeadlinePassed",
                        "NotifyMediationDeadlinePassed",
                        "EscalateAfterDeadline",
                        "NotifyEscalation")
                .isWaitingAt("ConductMediation", "WithdrawCase");
        assertThat(instance).variables().containsEntry("level", 2);
    }

    @Test
    void renewalAcceptedByTheSmeMovesTheDeadlineOnceAndOnlyOnce() {
        ProcessInstance instance = atLevelOne();
        process.complete(instance, "ConductMediation", "correspondent", renewalProposal());
        assertThat(instance).isWaitingAt("AgreeToRenewal", "WithdrawCase");
        assertThat(process.task(instance, "AgreeToRenewal").getAssignee()).isEqualTo("pme-demo");

        process.complete(instance, "AgreeToRenewal", "pme-demo", renewalResponse(true));

        assertThat(instance).hasPassed("LevelRenewed").isWaitingAt("ConductMediation", "WithdrawCase");
        Date renewed = Date.from(FILED.plusMonths(6).toInstant());
        assertThat(process.task(instance, "ConductMediation").getDueDate()).isEqualTo(renewed);
        process.timePasses(instance, Duration.ofDays(93)); // past the first target: the renewed one holds
        assertThat(instance).isWaitingAt("ConductMediation", "WithdrawCase");

        assertThatThrownBy(() -> process.complete(instance, "ConductMediation", "correspondent", renewalProposal()))
                .isInstanceOf(FormValidationException.class)
                .hasMessageContaining("déjà été prolongée");
        assertThat(instance).isWaitingAt("ConductMediation", "WithdrawCase");
    }

    @Test
    void renewalDeclinedByTheSmeKeepsTheDeadline() {
        ProcessInstance instance = atLevelOne();
        process.complete(instance, "ConductMediation", "correspondent", renewalProposal());
        process.complete(instance, "AgreeToRenewal", "pme-demo", renewalResponse(false));

        assertThat(instance)
                .hasPassed("RecordRenewalResponse")
                .hasNotPassed("LevelRenewed")
                .isWaitingAt("ConductMediation", "WithdrawCase");
        assertThat(process.task(instance, "ConductMediation").getDueDate())
                .isEqualTo(Date.from(FILED.plusMonths(3).toInstant()));
    }

    @Test
    void levelTwoFailureSendsTheCaseFileToTheNationalMediatorAndClosesTheCase() {
        ProcessInstance instance = atLevelTwo();

        process.complete(instance, "ConductMediation", "mediator", failure());

        assertThat(instance)
                .hasPassed(
                        "LevelFailed",
                        "EscalateAfterFailure",
                        "HandOffToNationalMediator",
                        "CloseAsEscalatedExternal",
                        "CaseHandedOff",
                        "NotifyCaseOutcome")
                .isWaitingAt("RateService");
        MediationCase closed = cases.find(instance.getBusinessKey()).orElseThrow();
        assertThat(closed.level()).isEqualTo(3);
        assertThat(closed.outcome()).isEqualTo(MediationOutcome.ESCALATED_EXTERNAL);
        assertThat(notifications(instance.getBusinessKey())).contains("MEDIATION_HANDOFF");
    }

    @Test
    void levelTwoDeadlineAlsoHandsTheCaseOff() {
        ProcessInstance instance = atLevelTwo();

        process.timePasses(instance, Duration.ofDays(93));

        assertThat(instance)
                .hasPassed(
                        "LevelDeadlinePassed",
                        "NotifyMediationDeadlinePassed",
                        "EscalateAfterDeadline",
                        "HandOffToNationalMediator",
                        "CaseHandedOff")
                .isWaitingAt("RateService");
    }

    @Test
    void levelTwoRecordsActionsAndMayBeRenewedOnceBeforeItsDeadlineHandsTheCaseOff() {
        ProcessInstance instance = atLevelTwo();
        process.complete(
                instance,
                "ConductMediation",
                "mediator",
                action(LocalDate.of(2026, 5, 13), "Direction des achats de Naval Systems SA"));
        process.complete(instance, "ConductMediation", "mediator", renewalProposal());
        process.complete(instance, "AgreeToRenewal", "pme-demo", renewalResponse(false));
        assertThat(instance)
                .hasPassed("RecordAction", "RecordRenewalResponse")
                .hasNotPassed("LevelRenewed")
                .isWaitingAt("ConductMediation", "WithdrawCase");
        process.complete(instance, "ConductMediation", "mediator", renewalProposal());
        process.complete(instance, "AgreeToRenewal", "pme-demo", renewalResponse(true));
        assertThat(instance).hasPassed("LevelRenewed").isWaitingAt("ConductMediation", "WithdrawCase");
        assertThat(process.task(instance, "ConductMediation").getDueDate())
                .isEqualTo(Date.from(FILED.plusMonths(6).toInstant()));

        process.timePasses(instance, Duration.ofDays(93)); // past the first target: the renewed one holds
        assertThat(instance).isWaitingAt("ConductMediation", "WithdrawCase");
        process.timePasses(instance, Duration.ofDays(92));
        assertThat(instance)
                .hasPassed("LevelDeadlinePassed", "HandOffToNationalMediator", "CaseHandedOff")
                .isWaitingAt("RateService");
        assertThat(cases.actions(instance.getBusinessKey()))
                .extracting(MediationRepository.Action::level)
                .containsExactly(1, 2);
    }

    @Test
    void levelTwoAgreementClosesTheCase() {
        ProcessInstance instance = atLevelTwo();

        process.complete(instance, "ConductMediation", "mediator", agreement(LocalDate.of(2026, 9, 1)));

        assertThat(instance).hasPassed("LevelAgreement", "CloseWithAgreement").isWaitingAt("RateService");
    }

    @Test
    void smeMayWithdrawAtAnyTimeWhichEndsEveryOpenStep() {
        ProcessInstance instance = atLevelTwo();

        process.complete(instance, "WithdrawCase", "pme-demo", withdrawal());

        assertThat(instance)
                .hasPassed("CloseAsWithdrawn", "CaseWithdrawn", "NotifyCaseOutcome")
                .isWaitingAt("RateService");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .count())
                .isEqualTo(1);
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().outcome())
                .isEqualTo(MediationOutcome.WITHDRAWN);
    }

    @Test
    void surveyClosesUnansweredAfterItsDeadline() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "WithdrawCase", "pme-demo", withdrawal());

        process.timePasses(instance, Duration.ofDays(30).plusMinutes(1));

        assertThat(instance)
                .isEnded()
                .hasPassed("SurveyExpired", "CloseSurveyUnanswered", "SurveyClosedUnanswered")
                .hasNotPassed("RecordSatisfaction");
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().satisfactionRating())
                .isNull();
    }

    @Test
    void caseLeftUnqualifiedPastLevelOneTargetGoesToTheMinistryMediator() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());

        process.timePasses(instance, Duration.ofDays(92).plusMinutes(1)); // 13/05 + 3 months = 13/08

        assertThat(instance)
                .hasPassed(
                        "AnswerCommitmentMissed",
                        "QualificationPastLevelOneTarget",
                        "NotifyMediationDeadlinePassed",
                        "EscalateAfterDeadline",
                        "NotifyEscalation")
                .isWaitingAt("ConductMediation", "WithdrawCase");
    }

    @Test
    void caseNeverContactedPastLevelOneTargetGoesToTheMinistryMediator() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "QualifyRequest", "correspondent", admissible());

        process.timePasses(instance, Duration.ofDays(92).plusMinutes(1));

        assertThat(instance)
                .hasPassed("FirstContactOverdue", "FirstContactPastLevelOneTarget", "EscalateAfterDeadline")
                .isWaitingAt("ConductMediation", "WithdrawCase");
    }

    @Test
    void onceTheCaseFileHasLeftTheSmeCanNoLongerWithdraw() {
        ProcessInstance instance = atLevelTwo();
        engine.getTaskService()
                .complete(process.task(instance, "ConductMediation").getId(), failure());

        // The hand-off mail is still to be sent (its job pending): the case is already closed.
        assertThat(instance).isWaitingAt("HandOffToNationalMediator");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(instance.getId())
                        .taskDefinitionKey("WithdrawCase")
                        .count())
                .isZero();
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().outcome())
                .isEqualTo(MediationOutcome.ESCALATED_EXTERNAL);
    }

    @Test
    void aTaskCannotBeEndedByABpmnErrorOrEscalationInsteadOfItsForm() {
        ProcessInstance instance = atLevelOne();
        String conduct = process.task(instance, "ConductMediation").getId();

        assertThatThrownBy(() -> engine.getTaskService()
                        .handleEscalation(conduct, "MEDIATION_FAILED", Map.of("applicant", "pme-other")))
                .hasMessageContaining("les erreurs et escalades BPMN sur une tâche ne sont pas admises");
        assertThatThrownBy(() -> engine.getTaskService().handleBpmnError(conduct, "ANY"))
                .hasMessageContaining("les erreurs et escalades BPMN sur une tâche ne sont pas admises");

        assertThat(instance)
                .isWaitingAt("ConductMediation", "WithdrawCase")
                .variables()
                .containsEntry("applicant", "pme-demo")
                .containsEntry("level", 1);
    }

    @Test
    void invoiceOlderThanTheEcbTableIsRefusedWithAnExplanation() {
        Map<String, Object> old = SampleMediations.latePayment();
        old.put("invoiceReceivedDate", "2015-06-01");
        old.put("paymentDate", "2015-09-01");

        assertThatThrownBy(() -> process.start(KEY, "pme-demo", old))
                .isInstanceOfSatisfying(
                        FormValidationException.class,
                        refused -> assertThat(refused.violations())
                                .singleElement()
                                .satisfies(v -> {
                                    assertThat(v.field()).isEqualTo("invoiceReceivedDate");
                                    assertThat(v.message()).contains("à partir du 31/05/2016");
                                }));
    }

    /** A step's values that its rules refuse, on the field they name. */
    record Refusal(String what, String taskKey, Map<String, Object> values, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    static List<Refusal> refusals() {
        String today = FILED.toLocalDate().toString();
        String tomorrow = FILED.toLocalDate().plusDays(1).toString();
        return List.of(
                new Refusal(
                        "non recevable sans motif",
                        "QualifyRequest",
                        Map.of("qualification", "NOT_ADMISSIBLE"),
                        "notAdmissibleReason"),
                new Refusal(
                        "premier contact daté de demain",
                        "ContactSme",
                        Map.of("firstContactDate", tomorrow, "firstContactSummary", "Entretien téléphonique."),
                        "firstContactDate"),
                new Refusal(
                        "action sans date",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "RECORD_ACTION",
                                "actionCounterpart",
                                "Service payeur",
                                "actionSummary",
                                "Appel au service payeur."),
                        "actionDate"),
                new Refusal(
                        "action datée de demain",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "RECORD_ACTION",
                                "actionDate",
                                tomorrow,
                                "actionCounterpart",
                                "Service payeur",
                                "actionSummary",
                                "Appel au service payeur."),
                        "actionDate"),
                new Refusal(
                        "action sans interlocuteur",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "RECORD_ACTION",
                                "actionDate",
                                today,
                                "actionSummary",
                                "Appel au service payeur."),
                        "actionCounterpart"),
                new Refusal(
                        "action sans compte rendu",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "RECORD_ACTION",
                                "actionDate",
                                today,
                                "actionCounterpart",
                                "Service payeur",
                                "actionSummary",
                                "Appel"),
                        "actionSummary"),
                new Refusal(
                        "prolongation sans l'accord de la partie",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "PROPOSE_RENEWAL",
                                "renewalReason",
                                "Une expertise est en cours.",
                                "counterpartAgreesToRenewal",
                                false),
                        "counterpartAgreesToRenewal"),
                new Refusal(
                        "prolongation sans motif",
                        "ConductMediation",
                        Map.of("mediationStep", "PROPOSE_RENEWAL", "counterpartAgreesToRenewal", true),
                        "renewalReason"),
                new Refusal(
                        "accord à exécuter dans le passé",
                        "ConductMediation",
                        Map.of(
                                "mediationStep",
                                "AGREEMENT",
                                "agreementMeasures",
                                "Paiement des intérêts moratoires.",
                                "agreementExecutionDate",
                                "2026-05-01"),
                        "agreementExecutionDate"),
                new Refusal(
                        "échec sans rapport",
                        "ConductMediation",
                        Map.of("mediationStep", "FAILURE", "failureReport", "Non."),
                        "failureReport"));
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void eachStepRefusesWhatItsRulesForbidAndChangesNothing(Refusal refusal) {
        ProcessInstance instance = switch (refusal.taskKey()) {
            case "QualifyRequest" -> filed(SampleMediations.contractDispute());
            case "ContactSme" -> {
                ProcessInstance qualified = filed(SampleMediations.contractDispute());
                process.complete(qualified, "QualifyRequest", "correspondent", admissible());
                yield qualified;
            }
            default -> atLevelOne();
        };
        String task = process.task(instance, refusal.taskKey()).getId();
        int events = cases.timeline(instance.getBusinessKey()).size();
        int actions = cases.actions(instance.getBusinessKey()).size();

        assertThatThrownBy(() -> process.complete(instance, refusal.taskKey(), "correspondent", refusal.values()))
                .isInstanceOfSatisfying(
                        FormValidationException.class,
                        refused -> assertThat(refused.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly(refusal.field()));

        assertThat(process.task(instance, refusal.taskKey()).getId()).isEqualTo(task);
        assertThat(cases.timeline(instance.getBusinessKey())).hasSize(events);
        assertThat(cases.actions(instance.getBusinessKey())).hasSize(actions);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), refusal.field()))
                .isNull();
    }

    @Test
    void refusedStepChangesNothing() {
        ProcessInstance instance = atLevelOne();

        assertThatThrownBy(() -> process.complete(
                        instance, "ConductMediation", "correspondent", Map.of("mediationStep", "AGREEMENT")))
                .isInstanceOf(FormValidationException.class)
                .hasMessageContaining("le champ « Mesures convenues » est obligatoire.")
                .hasMessageContaining("le champ « Date d'exécution de l'accord » est obligatoire.");
        assertThatThrownBy(() -> process.complete(
                        instance,
                        "WithdrawCase",
                        "pme-demo",
                        Map.of("withdrawalReason", "Finalement je retire.", "withdrawalConfirmed", false)))
                .isInstanceOf(FormValidationException.class)
                .hasMessageContaining("cochez la case pour confirmer le retrait");

        assertThat(instance).isWaitingAt("ConductMediation", "WithdrawCase").hasNotPassed("CloseWithAgreement");
        assertThat(cases.find(instance.getBusinessKey()).orElseThrow().outcome())
                .isNull();
    }

    @Test
    void smeContestingARapidRejectionWithinTwoMonthsOpensACaseLinkedToTheDossier() {
        ProcessInstance dossier = rejectedDossier();
        process.timePasses(dossier, Duration.ofDays(40));

        String caseNumber = requests.file(
                        "pme-demo", List.of("sme"), null, SampleMediations.rapidContest(dossier.getBusinessKey()))
                .reference();

        assertThat(dossier)
                .isEnded()
                .hasPassed(
                        "DecisionContested",
                        "OpenMediationCase",
                        "ContestSettled",
                        "RejectionSettled",
                        "DossierRejected")
                .hasNotPassed("ContestPeriodOver");
        assertThat(dossiers.find(dossier.getBusinessKey()).orElseThrow().mediationCaseNumber())
                .isEqualTo(caseNumber);
        MediationCase contest = cases.find(caseNumber).orElseThrow();
        assertThat(contest.request().dossierNumber()).isEqualTo(dossier.getBusinessKey());
        assertThat(contest.request().subject()).isEqualTo(MediationSubject.RAPID_DECISION);
        assertThat(contest.ownerId()).isEqualTo("pme-demo");
        ProcessInstance mediation = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(mediation).hasPassed("RapidDecisionContested", "RegisterCase");
        process.runDueJobs(mediation);
        assertThat(mediation).isWaitingAt("QualifyRequest", "WithdrawCase");
        assertThat(process.task(mediation, "WithdrawCase").getAssignee()).isEqualTo("pme-demo");
    }

    @Test
    void contestFiledBeforeTheRejectionLetterHasGoneOutWaitsForIt() {
        ProcessInstance dossier = process.atCommitteeDecision(SampleDossiers.smallCompany());
        // The decision, without running the letter's job.
        engine.getTaskService()
                .complete(process.task(dossier, "CommitteeDecision").getId(), SampleDossiers.rejection());
        assertThat(dossier).isWaitingAt("NotifyRejection", "AwaitContest");

        requests.file("pme-demo", List.of("sme"), null, SampleMediations.rapidContest(dossier.getBusinessKey()));
        assertThat(dossier).hasPassed("OpenMediationCase").isWaitingAt("NotifyRejection", "RejectionSettled");

        process.runDueJobs(dossier);
        assertThat(dossier).isEnded().hasPassed("NotifyRejection", "DossierRejected");
    }

    @Test
    void rejectionCannotBeContestedAfterTwoMonthsNorTwice() {
        ProcessInstance late = rejectedDossier();
        process.timePasses(late, Duration.ofDays(93));
        assertThatThrownBy(() -> requests.file(
                        "pme-demo", List.of("sme"), null, SampleMediations.rapidContest(late.getBusinessKey())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("dans les deux mois");

        ProcessInstance contested = rejectedDossier();
        requests.file("pme-demo", List.of("sme"), null, SampleMediations.rapidContest(contested.getBusinessKey()));
        assertThatThrownBy(() -> requests.file(
                        "pme-demo", List.of("sme"), null, SampleMediations.rapidContest(contested.getBusinessKey())))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("déjà contestée");
    }

    private ProcessInstance rejectedDossier() {
        return process.rejected(SampleDossiers.smallCompany());
    }

    private ProcessInstance filed(Map<String, Object> request) {
        return process.filed(request);
    }

    private ProcessInstance atLevelOne() {
        return process.atLevelOne(SampleMediations.contractDispute(), LocalDate.of(2026, 5, 13));
    }

    /** The same subprocess, entered again at level 2: its task now goes to the ministry's mediators. */
    private ProcessInstance atLevelTwo() {
        ProcessInstance instance = atLevelOne();
        process.complete(instance, "ConductMediation", "correspondent", failure());
        Task conduct = process.task(instance, "ConductMediation");
        assertThat(conduct.getName())
                .startsWith("Conduire la médiation (niveau 2) — " + instance.getBusinessKey() + " — ");
        assertThat(engine.getTaskService().getIdentityLinksForTask(conduct.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("ministry-mediators");
        return instance;
    }

    private List<String> notifications(String caseNumber) {
        return jdbc.sql("select template from notification where case_number = :number order by created_at")
                .param("number", caseNumber)
                .query(String.class)
                .list();
    }
}
