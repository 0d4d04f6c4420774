package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationOutcome;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The staff's side of a mediation (issue 5) in the real Tasklist, in headless Chromium: the SME
 * correspondent qualifies the request, records the first contact, records an action, then closes
 * the case with an agreement. Each form is read as the correspondent reads it (case number, the
 * subject's French label, only the fields of the chosen step), filled in with keyboard and mouse
 * (date fields included) and completed; the {@code mediation_case} tables, not the page, then say
 * what was recorded. A refused agreement and the level-2 hand-over to the ministry's mediators
 * are shown too.
 */
@Tag("browser")
@AppTest
class TasklistMediationE2ETest {

    private static final String SME = "pme-demo";
    private static final String CORRESPONDENT = "correspondent";
    private static final String MEDIATOR = "mediator";
    private static final String PROCESS = "mediation-escalation";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    // Labels and options as the staff read them in the forms (forms/*.form).
    private static final String QUALIFICATION = "Qualification de la demande";
    private static final String ADMISSIBLE = "Recevable";
    private static final String MEDIATOR_NAME = "Médiateur chargé du dossier";
    private static final String NOT_ADMISSIBLE_REASON = "Motif de non-recevabilité";
    private static final String FIRST_CONTACT_DATE = "Date du premier contact";
    private static final String FIRST_CONTACT_SUMMARY = "Compte rendu du premier contact";
    private static final String STEP = "Étape de la médiation";
    private static final String RECORD_ACTION = "Consigner une action";
    private static final String AGREEMENT = "Accord trouvé : clore la médiation";
    private static final String ACTION_GROUP = "Action consignée";
    private static final String RENEWAL_GROUP = "Proposition de prolongation";
    private static final String AGREEMENT_GROUP = "Accord";
    private static final String FAILURE_GROUP = "Échec de la médiation";
    private static final String ACTION_DATE = "Date de l'action";
    private static final String ACTION_COUNTERPART = "Personne ou service contacté";
    private static final String ACTION_SUMMARY = "Compte rendu de l'action";
    private static final String MEASURES = "Mesures convenues";
    private static final String EXECUTION_DATE = "Date d'exécution de l'accord";

    private static final String MEDIATOR_IN_CHARGE = "Julien Petit";
    private static final String CONTACT_SUMMARY =
            "Entretien téléphonique avec Mme Martin : montants précisés, pièces transmises.";
    private static final String COUNTERPART = "Naval Systems SA — direction des achats";
    private static final String ACTION =
            "Réunion avec le maître d'œuvre : il accepte de réexaminer la réception des lots 3 et 4.";
    private static final String MEASURES_AGREED =
            "Réception des lots 3 et 4 prononcée ; paiement des 85 000 € sous 30 jours.";

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    Attachments attachments;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    IdentityService identityService;

    @Autowired
    FilterService filterService;

    @Autowired
    MediationRepository cases;

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    private TasklistPage tasklist;
    private Staff staff;

    @BeforeEach
    void openTasklist() {
        tasklist = browser.page();
        staff = new Staff(runtimeService, taskService, identityService, historyService, attachments);
    }

    @Test
    void correspondentTakesACaseFromQualificationToAgreementInTasklist() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        String number = instance.getBusinessKey();
        LocalDate today = LocalDate.now(PARIS);
        LocalDate executionDate = today.plusDays(30);
        logInAs(CORRESPONDENT);

        // "Qualifier la demande": the request as the SME wrote it; the late-payment block stays
        // hidden for a contract dispute; the mediator's name is asked only once "Recevable" is chosen.
        Task qualify = awaitTask(instance, "QualifyRequest");
        tasklist.openTask(qualify.getId());
        assertThat(tasklist.taskTitle()).contains("Qualifier la demande");
        assertThat(tasklist.formText())
                .contains(
                        "Dossier " + number,
                        "Objet : Litige contractuel",
                        "Optronique du Lac",
                        "Naval Systems SA (maître d'œuvre)",
                        "montant en jeu : 85 000 €",
                        "refuse la réception des lots 3 et 4");
        assertThat(tasklist.formText()).doesNotContain("CONTRACT_DISPUTE", "Retard de paiement", "{{");
        assertThat(tasklist.showsField(MEDIATOR_NAME)).isFalse();
        assertThat(tasklist.showsField(NOT_ADMISSIBLE_REASON)).isFalse();
        tasklist.claim();
        tasklist.choose(QUALIFICATION, ADMISSIBLE);
        tasklist.waitForField(MEDIATOR_NAME);
        assertThat(tasklist.showsField(NOT_ADMISSIBLE_REASON)).isFalse();
        tasklist.type(MEDIATOR_NAME, MEDIATOR_IN_CHARGE);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(qualify, CORRESPONDENT);
        assertThat(runtimeService.getVariable(instance.getId(), "qualification"))
                .isEqualTo("ADMISSIBLE");
        assertThat(runtimeService.getVariable(instance.getId(), "mediatorName")).isEqualTo(MEDIATOR_IN_CHARGE);
        MediationCase qualified = cases.find(number).orElseThrow();
        assertThat(qualified.admissible()).isTrue();
        assertThat(qualified.answeredAt()).isNotNull();

        // "Premier contact avec l'entreprise": a date typed in the date picker, a summary.
        Task contact = awaitTask(instance, "ContactSme");
        tasklist.openTask(contact.getId());
        assertThat(tasklist.taskTitle()).contains("Premier contact avec l'entreprise");
        assertThat(tasklist.formText())
                .contains("Dossier " + number, "Litige contractuel", "Médiateur : " + MEDIATOR_IN_CHARGE);
        tasklist.claim();
        tasklist.typeDate(FIRST_CONTACT_DATE, today);
        tasklist.type(FIRST_CONTACT_SUMMARY, CONTACT_SUMMARY);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(contact, CORRESPONDENT);
        // form-js submits a date field as an ISO day, which the engine keeps as text.
        assertThat(runtimeService.getVariable(instance.getId(), "firstContactDate"))
                .isEqualTo(today.toString());
        assertThat(cases.actions(number))
                .containsExactly(
                        new MediationRepository.Action(1, today, "L'entreprise (premier contact)", CONTACT_SUMMARY));

        // "Conduire la médiation (niveau 1)": no step group before a step is chosen, then only
        // the chosen step's group.
        Task conduct = awaitTask(instance, "ConductMediation");
        tasklist.openTask(conduct.getId());
        assertThat(tasklist.taskTitle()).contains("Conduire la médiation (niveau 1)");
        assertThat(tasklist.formText())
                .contains(
                        "Conduite de la médiation — correspondant PME (niveau 1)",
                        "Dossier " + number,
                        "Litige contractuel",
                        "Médiateur désigné à la qualification : " + MEDIATOR_IN_CHARGE,
                        "échéance de ce niveau : ");
        assertThat(tasklist.formText()).doesNotContain("Retard de paiement", "{{");
        assertNoStepGroupShown();
        tasklist.claim();
        tasklist.choose(STEP, RECORD_ACTION);
        tasklist.waitForField(ACTION_DATE);
        assertThat(tasklist.showsGroup(ACTION_GROUP)).isTrue();
        assertThat(tasklist.showsGroup(RENEWAL_GROUP)).isFalse();
        assertThat(tasklist.showsGroup(AGREEMENT_GROUP)).isFalse();
        assertThat(tasklist.showsGroup(FAILURE_GROUP)).isFalse();
        assertThat(tasklist.showsField(MEASURES)).isFalse();
        tasklist.typeDate(ACTION_DATE, today);
        tasklist.type(ACTION_COUNTERPART, COUNTERPART);
        tasklist.type(ACTION_SUMMARY, ACTION);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(conduct, CORRESPONDENT);
        assertThat(cases.actions(number))
                .hasSize(2)
                .contains(new MediationRepository.Action(1, today, COUNTERPART, ACTION));
        assertThat(cases.timeline(number)).extracting(TimelineEntry::eventType).contains("ACTION");
        assertThat(cases.find(number).orElseThrow().outcome()).isNull();

        // The task comes back for the next step, with a blank form, not the action just recorded.
        Task again = awaitNewTask(instance, "ConductMediation", conduct);
        tasklist.openTask(again.getId());
        assertThat(tasklist.taskTitle()).contains("Conduire la médiation (niveau 1)");
        assertThat(tasklist.chosen(STEP)).isNotEqualTo(RECORD_ACTION);
        assertNoStepGroupShown();
        tasklist.claim();
        tasklist.choose(STEP, RECORD_ACTION);
        tasklist.waitForField(ACTION_DATE);
        assertThat(tasklist.value(ACTION_DATE)).isEmpty();
        assertThat(tasklist.value(ACTION_COUNTERPART)).isEmpty();
        assertThat(tasklist.value(ACTION_SUMMARY)).isEmpty();
        tasklist.choose(STEP, AGREEMENT);
        tasklist.waitForField(MEASURES);
        assertThat(tasklist.showsGroup(AGREEMENT_GROUP)).isTrue();
        assertThat(tasklist.showsGroup(ACTION_GROUP))
                .as("the action's fields are empty and hidden")
                .isFalse();
        assertThat(tasklist.showsGroup(RENEWAL_GROUP)).isFalse();
        assertThat(tasklist.showsGroup(FAILURE_GROUP)).isFalse();
        tasklist.type(MEASURES, MEASURES_AGREED);
        tasklist.typeDate(EXECUTION_DATE, executionDate);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(again, CORRESPONDENT);
        MediationCase closed = cases.find(number).orElseThrow();
        assertThat(closed.outcome()).isEqualTo(MediationOutcome.AGREEMENT);
        assertThat(closed.closedAt()).isNotNull();
        assertThat(closed.level()).isEqualTo(1);
        assertThat(cases.actions(number)).hasSize(2);
        assertThat(cases.timeline(number))
                .filteredOn(event -> event.eventType().equals("AGREEMENT"))
                .singleElement()
                .extracting(TimelineEntry::description)
                .asString()
                .contains(MEASURES_AGREED, executionDate.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        assertThat(historicVariable(instance, "agreementExecutionDate")).isEqualTo(executionDate.toString());
        // The case is closed: the SME is asked to rate the service.
        assertThat(awaitTask(instance, "RateService").getAssignee()).isEqualTo(SME);
    }

    @Test
    void agreementWithoutMeasuresIsStoppedByTheFormThenAPastDateByTheServerAndTheTaskStays() {
        ProcessInstance instance = atLevelOne();
        String number = instance.getBusinessKey();
        Task conduct = awaitTask(instance, "ConductMediation");

        logInAs(CORRESPONDENT);
        tasklist.openTask(conduct.getId());
        tasklist.claim();
        tasklist.choose(STEP, AGREEMENT);
        tasklist.waitForField(MEASURES);
        // The measures are required when shown (the form's own rule, also applied by the server):
        // the form stops the completion itself. A date in the past only the server refuses.
        tasklist.typeDate(EXECUTION_DATE, LocalDate.now(PARIS).minusDays(1));
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !tasklist.fieldErrors().isEmpty());
        assertThat(tasklist.formShown()).isTrue();
        browser.screenshot("conduct-mediation-agreement-required-fields");
        tasklist.dismissErrorIfShown();

        tasklist.type(MEASURES, MEASURES_AGREED);
        tasklist.complete();
        assertThat(tasklist.waitForError()).contains("Saisie refusée", "la date d'exécution ne peut pas être passée");
        assertThat(tasklist.formShown()).isTrue();

        // Rolled back as a whole: the task is still open, nothing was decided or written.
        assertThat(taskService.createTaskQuery().taskId(conduct.getId()).singleResult())
                .isNotNull()
                .extracting(Task::getAssignee)
                .isEqualTo(CORRESPONDENT);
        assertThat(taskService.getVariable(conduct.getId(), "mediationStep")).isNull();
        assertThat(taskService.getVariable(conduct.getId(), "agreementExecutionDate"))
                .isNull();
        MediationCase open = cases.find(number).orElseThrow();
        assertThat(open.outcome()).isNull();
        assertThat(open.closedAt()).isNull();

        // Nothing typed was lost: the correspondent closes the alert, corrects the date and completes.
        tasklist.dismissError();
        tasklist.typeDate(EXECUTION_DATE, LocalDate.now(PARIS).plusDays(15));
        tasklist.complete();
        tasklist.waitUntilFormCloses();
        assertCompletedBy(conduct, CORRESPONDENT);
        assertThat(cases.find(number).orElseThrow().outcome()).isEqualTo(MediationOutcome.AGREEMENT);
    }

    @Test
    void levelTwoCaseIsWorkedByTheMinistrysMediatorsNotByTheCorrespondents() {
        ProcessInstance escalated = atLevelOne();
        completeAs(CORRESPONDENT, awaitTask(escalated, "ConductMediation"), SampleMediations.failure());
        Task levelTwo = awaitTask(escalated, "ConductMediation");
        // A newer case, still with the correspondents: their list is loaded and not empty.
        ProcessInstance fresh = filed(SampleMediations.latePayment());
        Task qualifyFresh = awaitTask(fresh, "QualifyRequest");
        String groupTasks = filterService
                .createFilterQuery()
                .filterName("Tâches de mes groupes")
                .singleResult()
                .getId();

        logInAs(CORRESPONDENT);
        assertThat(tasklist.tasksOfFilter(groupTasks))
                .contains(qualifyFresh.getId())
                .doesNotContain(levelTwo.getId());
        assertThat(as(
                        CORRESPONDENT,
                        () -> taskService
                                .createTaskQuery()
                                .taskId(levelTwo.getId())
                                .count()))
                .isZero();

        // Its form shows what the law grants for a late payment and how, a block hidden for other subjects.
        tasklist.openTask(qualifyFresh.getId());
        assertThat(tasklist.formText())
                .contains(
                        "Dossier " + fresh.getBusinessKey(),
                        "Objet : Retard de paiement",
                        "Retard : 29 jours",
                        "Intérêts et indemnité dus de plein droit : 136,77 €",
                        "Intérêts moratoires : 12 000 € × 10,15 % × 29 / 365 = 96,77 €.",
                        "Total dû de plein droit : 136,77 €.")
                .doesNotContain("136.77");

        logInAs(MEDIATOR);
        assertThat(tasklist.tasksOfFilter(groupTasks))
                .contains(levelTwo.getId())
                .doesNotContain(qualifyFresh.getId());
        tasklist.openTask(levelTwo.getId());
        assertThat(tasklist.taskTitle()).contains("Conduire la médiation (niveau 2)");
        assertThat(tasklist.formText())
                .contains(
                        "Conduite de la médiation — médiateur du ministère (niveau 2)",
                        "Dossier " + escalated.getBusinessKey(),
                        "Litige contractuel");
        assertThat(tasklist.chosen(STEP))
                .as("the level-1 failure is not pre-chosen")
                .isNotEqualTo("Échec : transmettre au niveau supérieur");
        assertNoStepGroupShown();
    }

    // --- Helpers ---

    private void assertNoStepGroupShown() {
        assertThat(tasklist.showsGroup(ACTION_GROUP)).as(ACTION_GROUP).isFalse();
        assertThat(tasklist.showsGroup(RENEWAL_GROUP)).as(RENEWAL_GROUP).isFalse();
        assertThat(tasklist.showsGroup(AGREEMENT_GROUP)).as(AGREEMENT_GROUP).isFalse();
        assertThat(tasklist.showsGroup(FAILURE_GROUP)).as(FAILURE_GROUP).isFalse();
        assertThat(tasklist.showsField(ACTION_DATE)).isFalse();
        assertThat(tasklist.showsField(MEASURES)).isFalse();
    }

    /** A case filed by the demo SME, started as the SME through the engine (as POST /api/mediations does). */
    private ProcessInstance filed(Map<String, Object> request) {
        request.put(
                "description",
                request.get("description") + " Réf. "
                        + UUID.randomUUID().toString().substring(0, 8));
        ProcessInstance instance = as(SME, () -> runtimeService.startProcessInstanceByKey(PROCESS, request));
        assertThat(instance.getBusinessKey()).matches("MED-\\d{4}-\\d{5}");
        return instance;
    }

    /** A case of our own, qualified and first contacted through the engine: level 1 is under way. */
    private ProcessInstance atLevelOne() {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        completeAs(CORRESPONDENT, awaitTask(instance, "QualifyRequest"), SampleMediations.admissible());
        completeAs(
                CORRESPONDENT, awaitTask(instance, "ContactSme"), SampleMediations.firstContact(LocalDate.now(PARIS)));
        return instance;
    }

    private void logInAs(String user) {
        tasklist.switchTo(user, staff.firstName(user));
    }

    private Task awaitTask(ProcessInstance instance, String taskDefinitionKey) {
        return staff.awaitTask(instance, taskDefinitionKey);
    }

    /** The same task created anew after a loop back to it. */
    private Task awaitNewTask(ProcessInstance instance, String taskDefinitionKey, Task previous) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> taskService
                                .createTaskQuery()
                                .processInstanceId(instance.getId())
                                .taskDefinitionKey(taskDefinitionKey)
                                .singleResult(),
                        task -> task != null && !task.getId().equals(previous.getId()));
    }

    private void assertCompletedBy(Task task, String user) {
        staff.assertCompletedBy(task, user);
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return staff.historicVariable(instance, name);
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        staff.completeAs(user, task, variables);
    }

    private <T> T as(String user, Supplier<T> action) {
        return staff.as(user, action);
    }
}
