package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The details of Tasklist that made it unfit for French civil servants, each fixed: form-js's own
 * messages in French, the engine's English prefix gone from a refusal, an old refusal gone after
 * the next completion, deadlines shown but not offered for editing, and the last option of a long
 * form reachable on a 1366×900 screen.
 */
@Tag("browser")
@AppTest
class TasklistDetailsE2ETest {

    private static final String FIRST_SCORE = "Qualité technique et degré d'innovation";
    private static final List<String> OTHER_SCORES = List.of(
            "Adéquation aux priorités d'innovation de défense",
            "Perspectives civiles et militaires",
            "Effet incitatif et retombées économiques",
            "Qualité du partenariat",
            "Cohérence d'ensemble");

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    private TasklistPage tasklist;
    private Staff staff;

    @BeforeEach
    void openTasklist() {
        tasklist = browser.page();
        staff = browser.staff();
    }

    @Test
    void formMessagesAreFrenchAndAnOldRefusalGoesAwayWithTheNextCompletion() {
        ProcessInstance dossier = staff.dossierAwaitingEvaluation(SampleDossiers.smallCompany());
        Task task = staff.awaitTask(dossier, "TechnicalEvaluation");

        tasklist.logIn("expert", "expert");
        tasklist.openTask(task.getId());
        // Deadlines and follow-up dates are the procedure's: shown, not offered for editing.
        assertThat(tasklist.pageText()).contains("dans 21 jours").doesNotContain("Définir");
        tasklist.claim();

        // form-js's own check, in French.
        tasklist.type(FIRST_SCORE, "6");
        assertThat(tasklist.fieldErrors()).contains("La valeur doit être inférieure ou égale à 5.");
        tasklist.type(FIRST_SCORE, "4");
        OTHER_SCORES.forEach(label -> tasklist.type(label, "4"));
        tasklist.choose("Recommandation", "Favorable");
        tasklist.type("Avis motivé", "Projet solide, équipe expérimentée, double usage crédible.");

        // The server's refusal, with our French message only.
        tasklist.complete();
        String refusal = tasklist.waitForError();
        assertThat(refusal).contains("conflit d'intérêts").doesNotContain("Cannot submit task form");
        browser.screenshot("tasklist-refusal-in-french");

        // Corrected and completed: the old refusal does not stay on screen.
        tasklist.check("Je déclare n'avoir aucun conflit d'intérêts");
        tasklist.complete();
        tasklist.waitUntilFormCloses();
        staff.assertCompletedBy(task, "expert");
        assertThat(tasklist.driver().findElements(By.cssSelector(".notifications .alert-danger")).stream()
                        .filter(WebElement::isDisplayed)
                        .toList())
                .isEmpty();
    }

    @Test
    void theLastStepOfAMediationCanBeChosenOnALaptopScreen() {
        tasklist.driver().manage().window().setSize(new Dimension(1366, 900));
        ProcessInstance instance = staff.caseAtLevelOne(SampleMediations.contractDispute());
        Task conduct = staff.awaitTask(instance, "ConductMediation");

        tasklist.logIn("correspondent", "correspondent");
        tasklist.openTask(conduct.getId());
        tasklist.claim();
        new WebDriverWait(tasklist.driver(), Duration.ofSeconds(10))
                .until(d ->
                        tasklist.optionReachable("Étape de la médiation", "Échec : transmettre au niveau supérieur"));
        browser.screenshot("tasklist-last-option-1366x900");
        tasklist.choose("Étape de la médiation", "Échec : transmettre au niveau supérieur");
        assertThat(tasklist.chosen("Étape de la médiation")).isEqualTo("Échec : transmettre au niveau supérieur");
    }
}
