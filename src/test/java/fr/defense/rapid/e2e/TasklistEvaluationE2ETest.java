package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An expert evaluates a dossier in the real Camunda Tasklist, in headless Chromium: the form-js
 * form of {@code TechnicalEvaluation} is rendered, claimed, filled in and completed, then the
 * engine is asked what it recorded. Only such a test shows that what a browser submits (types
 * included) reaches the process and goes through the server-side validation.
 */
@Tag("browser")
@AppTest
class TasklistEvaluationE2ETest {

    private static final String EXPERT = "expert";
    private static final String COMMENT = "Projet solide, équipe expérimentée, double usage crédible.";
    private static final String NO_CONFLICT_OF_INTEREST = "Je déclare n'avoir aucun conflit d'intérêts";

    /** Score field label (as the expert reads it) → key written to the process → value typed. */
    private static final Map<String, Map.Entry<String, Integer>> SCORES = new LinkedHashMap<>();

    static {
        SCORES.put("Qualité technique et degré d'innovation", Map.entry("scoreTechnicalQuality", 4));
        SCORES.put("Adéquation aux priorités d'innovation de défense", Map.entry("scoreDefencePriority", 5));
        SCORES.put("Perspectives civiles et militaires", Map.entry("scoreDualProspects", 3));
        SCORES.put("Effet incitatif et retombées économiques", Map.entry("scoreEconomicImpact", 4));
        SCORES.put("Qualité du partenariat", Map.entry("scorePartnership", 2));
        SCORES.put("Cohérence d'ensemble", Map.entry("scoreCoherence", 4));
    }

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
    void expertCompletesTheTechnicalEvaluationInTasklist() {
        ProcessInstance dossier = dossierAwaitingTechnicalEvaluation();
        Task task = technicalEvaluation(dossier);

        tasklist.logIn(EXPERT, EXPERT);
        tasklist.openTask(task.getId());
        assertThat(tasklist.taskTitle()).contains("Évaluation technique");
        assertThat(tasklist.formText()).contains("Critères de sélection", "Recommandation", "Avis motivé");
        // Tasklist hands every task variable to form-js, whose text templates show the dossier.
        assertThat(tasklist.formText())
                .contains(
                        "Dossier " + runtimeService.getVariable(dossier.getId(), "dossierNumber"), "Optronique du Lac");

        tasklist.claim();
        // The claim went through the server, not only the page.
        assertThat(taskService
                        .createTaskQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo(EXPERT);

        fillEvaluation(true);
        tasklist.complete();
        tasklist.waitUntilFormCloses();

        // The engine, not the page, says whether the expert completed the task...
        await().atMost(Duration.ofSeconds(10))
                .until(() -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        HistoricTaskInstance done = historyService
                .createHistoricTaskInstanceQuery()
                .taskId(task.getId())
                .singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo(EXPERT);

        // ...with every field under its key: numbers as numbers, the choice's value (not its
        // label), the checkbox as a boolean.
        Map<String, Object> variables = runtimeService.getVariables(dossier.getId());
        SCORES.values()
                .forEach(score -> assertThat(variables.get(score.getKey()))
                        .as(score.getKey())
                        .isInstanceOf(Number.class)
                        .extracting(value -> ((Number) value).intValue())
                        .isEqualTo(score.getValue()));
        assertThat(variables)
                .containsEntry("evaluationRecommendation", "FAVORABLE")
                .containsEntry("evaluationComment", COMMENT)
                .containsEntry("noConflictOfInterest", true);

        // ...and the dossier went on to the committee (funding rate and proposed aid in between).
        assertThat(taskService
                        .createTaskQuery()
                        .processInstanceId(dossier.getId())
                        .taskDefinitionKey("CommitteeDecision")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void evaluationWithoutConflictOfInterestDeclarationIsRefusedByTheServer() {
        ProcessInstance dossier = dossierAwaitingTechnicalEvaluation();
        Task task = technicalEvaluation(dossier);
        assertThat(taskService.getVariable(task.getId(), "evaluationComment")).isNull();

        tasklist.logIn(EXPERT, EXPERT);
        tasklist.openTask(task.getId());
        tasklist.claim();
        // The checkbox is optional in the form, so form-js lets the form go: only the server refuses.
        fillEvaluation(false);
        tasklist.complete();

        assertThat(tasklist.waitForError()).contains("conflit d'intérêts");
        assertThat(tasklist.formShown()).isTrue();

        // Rolled back as a whole: the task is still open and nothing of the form was written.
        Task stillOpen = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(stillOpen).isNotNull();
        assertThat(stillOpen.getAssignee()).isEqualTo(EXPERT);
        assertThat(historyService
                        .createHistoricTaskInstanceQuery()
                        .taskId(task.getId())
                        .singleResult()
                        .getEndTime())
                .isNull();
        assertThat(taskService.getVariable(task.getId(), "evaluationComment")).isNull();
        assertThat(taskService.getVariable(task.getId(), "scoreTechnicalQuality"))
                .isNull();
        assertThat(taskService.getVariable(task.getId(), "noConflictOfInterest"))
                .isNull();
    }

    @Test
    void markupTypedByTheApplicantIsShownAsTextNeverAsAnImageOrALink() {
        String company = "<img src=\"x\" onerror=\"alert(1)\"> ![logo](http://example.invalid/x.png) "
                + "[Cliquez ici](http://example.invalid/) **Optronique** & Fils";
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put("companyName", company);
        ProcessInstance instance = staff.startAs("pme-demo", "rapid-subsidy", dossier);
        staff.completeAs(
                "secretariat", staff.awaitTask(instance, "CheckCompleteness"), SampleDossiers.completeness(true));
        Task task = technicalEvaluation(instance);

        tasklist.logIn(EXPERT, EXPERT);
        tasklist.openTask(task.getId());
        assertThat(tasklist.formText())
                .contains(company, "Dossier " + runtimeService.getVariable(instance.getId(), "dossierNumber"));
        assertThat(tasklist.countInForm("img")).isZero();
        assertThat(tasklist.countInForm("a[href*='example.invalid']")).isZero();
        browser.screenshot("markup-shown-as-text");
        // The variable itself is the applicant's text, unchanged.
        assertThat(runtimeService.getVariable(instance.getId(), "companyName")).isEqualTo(company);
    }

    /** Fills every field the way an expert does (click and keyboard, dropdown, checkbox), then checks the form holds it. */
    private void fillEvaluation(boolean declareNoConflictOfInterest) {
        SCORES.forEach((label, score) -> tasklist.type(label, score.getValue().toString()));
        tasklist.choose("Recommandation", "Favorable");
        tasklist.type("Avis motivé", COMMENT);
        if (declareNoConflictOfInterest) {
            tasklist.check(NO_CONFLICT_OF_INTEREST);
        }
        // Nothing typed was lost to a re-render, and form-js sees no error: what is submitted is what we typed.
        SCORES.forEach((label, score) -> assertThat(tasklist.value(label))
                .as(label)
                .isEqualTo(score.getValue().toString()));
        assertThat(tasklist.value("Avis motivé")).isEqualTo(COMMENT);
        assertThat(tasklist.fieldErrors()).isEmpty();
    }

    /**
     * A fresh dossier of our own, submitted by the SME and declared complete by the secretariat:
     * other tests leave tasks in the same database, and this one must never pick theirs.
     */
    private ProcessInstance dossierAwaitingTechnicalEvaluation() {
        ProcessInstance dossier = staff.startAs("pme-demo", "rapid-subsidy", SampleDossiers.smallCompany());
        // The acknowledgment is asynchronous: the job executor moves the dossier on to the secretariat.
        staff.completeAs(
                "secretariat", staff.awaitTask(dossier, "CheckCompleteness"), SampleDossiers.completeness(true));
        return dossier;
    }

    private Task technicalEvaluation(ProcessInstance dossier) {
        Task task = staff.awaitTask(dossier, "TechnicalEvaluation");
        assertThat(task.getAssignee())
                .as("nobody has claimed the evaluation yet")
                .isNull();
        return task;
    }
}
