package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dossier walks through every Camunda Form of the RAPID procedure in the real Tasklist, in
 * headless Chromium: it is submitted from the "Start process" dialog, the secretariat asks for
 * complements, the applicant provides them, the secretariat declares it complete, the expert
 * evaluates it, the committee grants an amount and the applicant accepts the agreement. After
 * each step the engine and the {@code dossier} table, not the page, say what was recorded.
 * <p>
 * SMEs have no access to the webapps (they use the SME API, see SmeApiIntegrationTest): here the
 * administrator plays the applicant in Tasklist, to prove that the applicant's forms, like the
 * staff's, render and submit in Tasklist's form-js.
 */
@Tag("browser")
@AppTest
class TasklistRapidJourneyE2ETest {

    /** Plays the applicant: an SME cannot log into Tasklist. */
    private static final String SME = "admin";

    private static final String SECRETARIAT = "secretariat";
    private static final String EXPERT = "expert";
    private static final String COMMITTEE = "committee";

    private static final String PROCESS_NAME = "Subvention RAPID";

    // Labels and options as the users read them in the forms (forms/*.form).
    private static final String IS_COMPLETE = "Le dossier est-il complet ?";
    private static final String COMPLETE = "Complet : transmettre aux experts";
    private static final String INCOMPLETE = "Incomplet : demander des compléments";
    private static final String MISSING_ITEMS = "Pièces ou informations manquantes";
    private static final String YOUR_ANSWER = "Votre réponse";
    private static final String DECISION = "Décision";
    private static final String GRANT = "Accorder l'aide";
    private static final String REJECT = "Rejeter le dossier";
    private static final String GRANTED_AMOUNT = "Montant accordé (€)";
    private static final String MOTIVATION = "Motivation";
    private static final String ACCEPT = "J'accepte la convention";

    private static final String SUMMARY =
            "Conception d'une caméra infrarouge non refroidie de moins de 80 g pour mini-drones.";
    private static final String DEFENCE_APPLICATION = "Observation de nuit pour mini-drones de reconnaissance.";
    private static final String CIVIL_APPLICATION = "Inspection thermique de bâtiments et lutte contre les incendies.";
    private static final String CONTACT_EMAIL = "claire.martin@optronique-du-lac.example";
    private static final String MISSING = "Liasse fiscale du dernier exercice ; annexe financière par partenaire.";
    private static final String COMPLEMENTS = "Liasse fiscale 2025 et annexe financière jointes au dossier papier.";
    private static final String EVALUATION_COMMENT = "Projet solide, équipe expérimentée, double usage crédible.";

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
    DossierRepository dossiers;

    @Autowired
    JdbcClient jdbc;

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
    void dossierTravelsThroughEveryFormInTasklist() {
        String title =
                "Caméra infrarouge compacte " + UUID.randomUUID().toString().substring(0, 8);

        ProcessInstance dossier = smeSubmitsTheDossierFromTheStartProcessDialog(title);
        String number = dossier.getBusinessKey();

        secretariatAsksForComplements(dossier, number, title);
        smeProvidesTheComplements(dossier, number);
        secretariatDeclaresTheDossierComplete(dossier);
        expertRecommendsFunding(dossier, number);
        committeeGrantsLessThanProposed(dossier, number, 150_000);
        smeAcceptsTheAgreement(dossier, number, 150_000);

        // The procedure is over, and it ended where a granted subsidy ends.
        HistoricProcessInstance ended = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> historyService
                                .createHistoricProcessInstanceQuery()
                                .processInstanceId(dossier.getId())
                                .singleResult(),
                        instance -> instance.getEndTime() != null);
        assertThat(ended.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(ended.getEndActivityId()).isEqualTo("GrantAwarded");
        Dossier granted = dossiers.find(number).orElseThrow();
        assertThat(granted.status()).isEqualTo(DossierStatus.GRANTED);
        assertThat(granted.decision()).isEqualTo("APPROVED");
        assertThat(granted.proposedAidEur()).isEqualTo(200_000L);
        assertThat(granted.grantedAidEur()).isEqualTo(150_000L);
        assertThat(granted.closedAt()).isNotNull();
    }

    @Test
    void committeeCannotRejectADossierWithoutAMotivationOfTwentyCharacters() {
        ProcessInstance dossier = dossierAwaitingCommitteeDecision();
        Task decision = awaitTask(dossier, "CommitteeDecision");

        logInAs(COMMITTEE);
        tasklist.openTask(decision.getId());
        tasklist.claim();
        tasklist.choose(DECISION, REJECT);
        tasklist.waitForField(MOTIVATION);
        assertThat(tasklist.showsField(GRANTED_AMOUNT))
                .as("no amount to grant for a rejection")
                .isFalse();
        // A motivation of 20 characters is required when shown: the form's own rule, applied in the
        // browser by form-js and again by the server (ServerSideValidationTest). The form stops it.
        tasklist.type(MOTIVATION, "Non.");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !tasklist.fieldErrors().isEmpty());
        assertThat(tasklist.fieldErrors()).singleElement().asString().contains("20");
        assertThat(tasklist.canComplete())
                .as("Complete is disabled while the form shows an error")
                .isFalse();
        assertThat(tasklist.formShown()).isTrue();
        browser.screenshot("committee-decision-motivation-too-short");

        // Nothing was sent: the task is still open, nothing was decided or written.
        assertThat(taskService.createTaskQuery().taskId(decision.getId()).singleResult())
                .isNotNull()
                .extracting(Task::getAssignee)
                .isEqualTo(COMMITTEE);
        assertThat(taskService.getVariable(decision.getId(), "decision")).isNull();
        assertThat(taskService.getVariable(decision.getId(), "decisionMotivation"))
                .isNull();
        Dossier stillAwaiting = dossiers.find(dossier.getBusinessKey()).orElseThrow();
        assertThat(stillAwaiting.status()).isEqualTo(DossierStatus.AWAITING_DECISION);
        assertThat(stillAwaiting.decision()).isNull();
    }

    // --- The steps of the journey, each by its user, in the browser ---

    /** Step 1 ({@code submit-dossier}): every field filled by keyboard and mouse, then Start. */
    private ProcessInstance smeSubmitsTheDossierFromTheStartProcessDialog(String title) {
        logInAs(SME);
        tasklist.openStartForm(PROCESS_NAME);
        assertThat(tasklist.formText())
                .contains("Dépôt d'un dossier RAPID", "Entreprise", "Projet", "Budget", "Contact");

        tasklist.type("Numéro SIREN", "732829320");
        tasklist.type("Raison sociale", "Optronique du Lac");
        tasklist.type("Effectif (consolidé, salariés)", "35");
        tasklist.type("Chiffre d'affaires annuel (€)", "6000000");
        tasklist.type("Total du bilan (€)", "4000000");
        tasklist.choose("Région où sont menés les travaux", "Île-de-France");
        tasklist.type("Titre du projet", title);
        tasklist.type("Résumé du projet", SUMMARY);
        tasklist.choose("Type de travaux", "Recherche industrielle (TRL 3 à 5 en général)");
        tasklist.type("TRL de départ", "3");
        tasklist.type("TRL visé", "5");
        tasklist.type("Application défense", DEFENCE_APPLICATION);
        tasklist.type("Application civile", CIVIL_APPLICATION);
        tasklist.type("Durée (mois)", "24");
        tasklist.type("Nombre de partenaires (hors porteur)", "1");
        tasklist.check("Collaboration effective avec un laboratoire ou une autre entreprise");
        tasklist.type("Coût total du projet (€)", "400000");
        tasklist.type("Frais de personnel (€)", "250000");
        tasklist.type("Aide demandée (€)", "200000");
        tasklist.type("Nom du contact", "Claire Martin");
        tasklist.type("Courriel du contact", CONTACT_EMAIL);
        // Nothing typed was lost to a re-render, and form-js sees no error.
        assertThat(tasklist.value("Titre du projet")).isEqualTo(title);
        assertThat(tasklist.value("Numéro SIREN")).isEqualTo("732829320");
        assertThat(tasklist.value("Chiffre d'affaires annuel (€)")).isEqualTo("6000000");
        assertThat(tasklist.fieldErrors()).isEmpty();

        tasklist.start();
        tasklist.waitUntilStartDialogCloses();

        // The start is synchronous up to the acknowledgment: the instance and the dossier exist now.
        ProcessInstance instance = runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("rapid-subsidy")
                .variableValueEquals("projectTitle", title)
                .singleResult();
        assertThat(instance).as("the process instance started from Tasklist").isNotNull();
        assertThat(runtimeService.getVariable(instance.getId(), "applicant")).isEqualTo(SME);
        String number = instance.getBusinessKey();
        assertThat(number).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(runtimeService.getVariable(instance.getId(), "dossierNumber"))
                .isEqualTo(number);

        // Every value typed, with its type, went from the browser to the dossier table.
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("owner_id", SME);
        expected.put("process_instance_id", instance.getId());
        expected.put("company_siren", "732829320");
        expected.put("company_name", "Optronique du Lac");
        expected.put("company_headcount", 35L);
        expected.put("company_turnover_eur", 6_000_000L);
        expected.put("company_balance_sheet_eur", 4_000_000L);
        expected.put("company_region", "Île-de-France");
        expected.put("project_title", title);
        expected.put("project_summary", SUMMARY);
        expected.put("research_type", "INDUSTRIAL_RESEARCH");
        expected.put("trl_start", 3L);
        expected.put("trl_target", 5L);
        expected.put("defence_application", DEFENCE_APPLICATION);
        expected.put("civil_application", CIVIL_APPLICATION);
        expected.put("duration_months", 24L);
        expected.put("partner_count", 1L);
        expected.put("collaboration", true);
        expected.put("total_cost_eur", 400_000L);
        expected.put("personnel_cost_eur", 250_000L);
        expected.put("requested_aid_eur", 200_000L);
        expected.put("contact_name", "Claire Martin");
        expected.put("contact_email", CONTACT_EMAIL);
        Map<String, Object> row = jdbc.sql("select * from dossier where dossier_number = :number")
                .param("number", number)
                .query()
                .singleRow();
        expected.forEach(
                (column, value) -> assertThat(row.get(column) instanceof Number n ? n.longValue() : row.get(column))
                        .as(column)
                        .isEqualTo(value));
        Dossier stored = dossiers.find(number).orElseThrow();
        assertThat(stored.ownerId()).isEqualTo(SME);
        assertThat(stored.submission().companyName()).isEqualTo("Optronique du Lac");
        assertThat(stored.submission().requestedAidEur()).isEqualTo(200_000L);
        return instance;
    }

    /** Step 2 ({@code check-completeness}): the list of missing items appears only for an incomplete dossier. */
    private void secretariatAsksForComplements(ProcessInstance dossier, String number, String title) {
        Task check = awaitTask(dossier, "CheckCompleteness");
        logInAs(SECRETARIAT);
        tasklist.openTask(check.getId());
        assertThat(tasklist.taskTitle()).contains("Vérifier la complétude");
        assertThat(tasklist.formText()).contains("Dossier " + number, "Optronique du Lac", title);
        assertThat(tasklist.showsField(MISSING_ITEMS))
                .as("hidden until the dossier is said incomplete")
                .isFalse();

        tasklist.claim();
        tasklist.choose(IS_COMPLETE, INCOMPLETE);
        tasklist.waitForField(MISSING_ITEMS);
        tasklist.type(MISSING_ITEMS, MISSING);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(check, SECRETARIAT);
        // The answer was recorded, then cleared once the complements were requested (see step 4).
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(dossier.getId())
                        .variableName("completenessOutcome")
                        .includeDeleted()
                        .list())
                .extracting(variable -> variable.getValue())
                .containsExactly("INCOMPLETE");
        assertThat(historicVariable(dossier, "missingItems")).isEqualTo(MISSING);
    }

    /** Step 3 ({@code provide-complements}): the SME's own task, no claim; the request is shown to her. */
    private void smeProvidesTheComplements(ProcessInstance dossier, String number) {
        Task provide = awaitTask(dossier, "ProvideComplements");
        assertThat(provide.getAssignee()).isEqualTo(SME);
        assertThat(dossiers.find(number).orElseThrow().status()).isEqualTo(DossierStatus.AWAITING_COMPLEMENTS);

        logInAs(SME);
        tasklist.openTask(provide.getId());
        assertThat(tasklist.taskTitle()).contains("Fournir les compléments");
        assertThat(tasklist.formText()).contains("Dossier " + number, "À fournir : " + MISSING);
        tasklist.type(YOUR_ANSWER, COMPLEMENTS);
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(provide, SME);
        assertThat(historicVariable(dossier, "complementsResponse")).isEqualTo(COMPLEMENTS);
    }

    /**
     * Step 4 ({@code check-completeness} again): the answer of the first pass is not chosen in
     * advance (Tasklist would otherwise fill the form with it), so the secretariat decides anew.
     */
    private void secretariatDeclaresTheDossierComplete(ProcessInstance dossier) {
        Task check = awaitTask(dossier, "CheckCompleteness");
        // The pieces the complements brought (the applicant here has no SME API: attached directly).
        SamplePieces.attachAll(attachments, businessKey(dossier));
        logInAs(SECRETARIAT);
        tasklist.openTask(check.getId());
        assertThat(tasklist.chosen(IS_COMPLETE)).isNotEqualTo(INCOMPLETE);
        assertThat(tasklist.showsField(MISSING_ITEMS)).isFalse();

        tasklist.claim();
        tasklist.choose(IS_COMPLETE, COMPLETE);
        tasklist.waitUntilFieldHidden(MISSING_ITEMS);
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(check, SECRETARIAT);
        assertThat(historicVariable(dossier, "completenessOutcome")).isEqualTo("COMPLETE");
    }

    /** Step 5 ({@code technical-evaluation}), as {@link TasklistEvaluationE2ETest} does it in detail. */
    private void expertRecommendsFunding(ProcessInstance dossier, String number) {
        Task evaluation = awaitTask(dossier, "TechnicalEvaluation");
        logInAs(EXPERT);
        tasklist.openTask(evaluation.getId());
        assertThat(tasklist.formText()).contains("Dossier " + number);
        tasklist.claim();
        tasklist.type("Qualité technique et degré d'innovation", "4");
        tasklist.type("Adéquation aux priorités d'innovation de défense", "5");
        tasklist.type("Perspectives civiles et militaires", "3");
        tasklist.type("Effet incitatif et retombées économiques", "4");
        tasklist.type("Qualité du partenariat", "2");
        tasklist.type("Cohérence d'ensemble", "4");
        tasklist.choose("Recommandation", "Favorable");
        tasklist.type("Avis motivé", EVALUATION_COMMENT);
        tasklist.check("Je déclare n'avoir aucun conflit d'intérêts");
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(evaluation, EXPERT);
        assertThat(historicVariable(dossier, "evaluationRecommendation")).isEqualTo("FAVORABLE");
    }

    /**
     * Step 6 ({@code committee-decision}): the proposal is shown (small company, collaborative
     * industrial research: 80 % of 400 000 €, capped by the 200 000 € requested); the amount
     * field appears only once "grant" is chosen.
     */
    private void committeeGrantsLessThanProposed(ProcessInstance dossier, String number, long amount) {
        Task decision = awaitTask(dossier, "CommitteeDecision");
        assertThat(dossiers.find(number).orElseThrow().proposedAidEur()).isEqualTo(200_000L);

        logInAs(COMMITTEE);
        tasklist.openTask(decision.getId());
        assertThat(tasklist.taskTitle()).contains("Décision du comité");
        assertThat(tasklist.formText())
                .contains("Dossier " + number, "Aide demandée : 200 000 €", "Aide proposée : 200 000 €");
        assertThat(tasklist.showsField(GRANTED_AMOUNT))
                .as("hidden until a decision is chosen")
                .isFalse();
        assertThat(tasklist.showsField(MOTIVATION))
                .as("hidden until a decision is chosen")
                .isFalse();

        tasklist.claim();
        tasklist.choose(DECISION, GRANT);
        tasklist.waitForField(GRANTED_AMOUNT);
        assertThat(tasklist.showsField(MOTIVATION))
                .as("no motivation asked for a grant")
                .isFalse();
        tasklist.type(GRANTED_AMOUNT, Long.toString(amount));
        assertThat(tasklist.fieldErrors()).isEmpty();
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(decision, COMMITTEE);
        assertThat(historicVariable(dossier, "decision")).isEqualTo("APPROVED");
        assertThat(historicVariable(dossier, "grantedAidEur"))
                .isInstanceOf(Number.class)
                .extracting(value -> ((Number) value).longValue())
                .isEqualTo(amount);
    }

    /** Step 7 ({@code accept-agreement}): the SME's own task, showing the amount granted. */
    private void smeAcceptsTheAgreement(ProcessInstance dossier, String number, long amount) {
        Task agreement = awaitTask(dossier, "AcceptAgreement");
        assertThat(agreement.getAssignee()).isEqualTo(SME);
        assertThat(dossiers.find(number).orElseThrow().status()).isEqualTo(DossierStatus.APPROVED);

        logInAs(SME);
        tasklist.openTask(agreement.getId());
        assertThat(tasklist.taskTitle()).contains("Accepter la convention");
        assertThat(tasklist.formText()).contains("Dossier " + number, "aide de " + amount + " €");
        tasklist.choose(YOUR_ANSWER, ACCEPT);
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        assertCompletedBy(agreement, SME);
        assertThat(historicVariable(dossier, "agreementResponse")).isEqualTo("ACCEPTED");
    }

    // --- Helpers ---

    private void logInAs(String user) {
        tasklist.switchTo(user, staff.firstName(user));
    }

    private Task awaitTask(ProcessInstance dossier, String taskDefinitionKey) {
        return staff.awaitTask(dossier, taskDefinitionKey);
    }

    private void assertCompletedBy(Task task, String user) {
        staff.assertCompletedBy(task, user);
    }

    private String businessKey(ProcessInstance dossier) {
        return runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(dossier.getId())
                .singleResult()
                .getBusinessKey();
    }

    private Object historicVariable(ProcessInstance dossier, String name) {
        return staff.historicVariable(dossier, name);
    }

    /** A dossier of our own at the committee stage, brought there through the engine's API. */
    private ProcessInstance dossierAwaitingCommitteeDecision() {
        Map<String, Object> submission = SampleDossiers.smallCompany();
        submission.put(
                "projectTitle",
                "Caméra infrarouge compacte " + UUID.randomUUID().toString().substring(0, 8));
        ProcessInstance dossier = as(SME, () -> runtimeService.startProcessInstanceByKey("rapid-subsidy", submission));
        SamplePieces.attachAll(attachments, businessKey(dossier));
        completeAs(SECRETARIAT, awaitTask(dossier, "CheckCompleteness"), SampleDossiers.completeness(true));
        completeAs(EXPERT, awaitTask(dossier, "TechnicalEvaluation"), SampleDossiers.favourableEvaluation());
        return dossier;
    }

    private void completeAs(String user, Task task, Map<String, Object> variables) {
        staff.completeAs(user, task, variables);
    }

    private <T> T as(String user, Supplier<T> action) {
        return staff.as(user, action);
    }
}
