package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.AppTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Staff decide with the whole file in front of them, in a French Tasklist: each form of both
 * procedures shows, formatted the French way, what its decision needs (the dossier for the
 * secretariat and the expert, the evaluations and the computation for the committee, the case's
 * history for the mediators), and links to the read-only staff file, which passes axe-core.
 * Screenshots of every form are saved under target/e2e/ for review.
 */
@Tag("browser")
@AppTest
class StaffSeeTheWholeFileE2ETest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String FILE_LINK = "Ouvrir le dossier complet";

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
    void secretariatChecksCompletenessWithEveryFieldAndItsRule() {
        ProcessInstance dossier = staff.startAs("pme-demo", "rapid-subsidy", SampleDossiers.smallCompany());
        Task task = staff.awaitTask(dossier, "CheckCompleteness");

        tasklist.logIn("secretariat", "secretariat");
        tasklist.openTask(task.getId());
        assertThat(tasklist.formText())
                .contains(
                        "Dossier " + dossier.getBusinessKey(),
                        "Numéro SIREN : 732 829 320",
                        "Chiffre d'affaires annuel : 6 000 000 €",
                        "Type de travaux : Recherche industrielle",
                        "Frais de personnel : 250 000 €",
                        "règle : Au moins un tiers du coût total",
                        "Collaboration effective avec un laboratoire",
                        "Courriel du contact : claire.martin@optronique-du-lac.example");
        browser.screenshot("form-check-completeness");
    }

    @Test
    void expertEvaluatesWithTheProjectInViewInAFrenchTasklist() {
        ProcessInstance dossier = staff.dossierAwaitingEvaluation(SampleDossiers.smallCompany());
        Task task = staff.awaitTask(dossier, "TechnicalEvaluation");

        tasklist.logIn("expert", "expert");
        tasklist.openTask(task.getId());
        assertThat(tasklist.formText())
                .contains(
                        "Conception d'une caméra infrarouge non refroidie de moins de 80 g.",
                        "Maturité technologique : TRL 3 → TRL 5",
                        "Coût total : 400 000 €",
                        "Aide demandée : 200 000 €",
                        "Défense : Observation de nuit pour mini-drones de reconnaissance.",
                        "Civile : Inspection thermique de bâtiments",
                        "Petite entreprise",
                        "Partenaires : 1 partenaire, collaboration effective");
        // Tasklist's own words are French, and Camunda's migration banner is gone.
        assertThat(tasklist.claimLabel()).isEqualTo("Prendre en charge");
        assertThat(tasklist.pageText())
                .contains("Ministère des Armées")
                .doesNotContain("Claim", "Set follow-up date", "Created", "Camunda 8");
        assertThat(tasklist.migrationBannerShown()).isFalse();
        browser.screenshot("form-technical-evaluation");
    }

    @Test
    void committeeDecidesWithTheScoresTheRecommendationAndTheComputation() {
        ProcessInstance dossier = staff.dossierAwaitingEvaluation(SampleDossiers.smallCompany());
        staff.completeAs(
                "expert", staff.awaitTask(dossier, "TechnicalEvaluation"), SampleDossiers.favourableEvaluation());
        Task task = staff.awaitTask(dossier, "CommitteeDecision");

        tasklist.logIn("committee", "committee");
        tasklist.openTask(task.getId());
        assertThat(tasklist.formText())
                .contains(
                        "Marc Dubois, le ",
                        "Favorable (total 24 / 30)",
                        "Qualité technique et degré d'innovation : 4 / 5",
                        "Avis motivé : " + SampleDossiers.favourableEvaluation().get("evaluationComment"),
                        "Catégorie d'entreprise : Petite entreprise",
                        "Éligibilité : éligible",
                        "× 400 000 € (coût total)",
                        "Aide proposée : 200 000 €");
        assertThat(tasklist.formText()).doesNotContain("SMALL", "0.8", "200000");
        browser.screenshot("form-committee-decision");

        // The form links to the staff file, which shows the same evaluation and passes axe-core.
        tasklist.driver().get(tasklist.linkInForm(FILE_LINK));
        assertThat(tasklist.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Dossier " + dossier.getBusinessKey());
        assertThat(tasklist.pageText())
                .contains("Évaluations techniques", "Recommandation", "Favorable", "Historique", "Courriels");
        assertAccessible("staff-file-dossier");
    }

    @Test
    void levelTwoMediatorSeesWhatHappenedAtLevelOne() {
        ProcessInstance instance = staff.startAs("pme-demo", "mediation-escalation", SampleMediations.latePayment());
        Task qualify = staff.awaitTask(instance, "QualifyRequest");

        tasklist.switchTo("correspondent", staff.firstName("correspondent"));
        tasklist.openTask(qualify.getId());
        assertThat(tasklist.formText())
                .contains("Objet : Retard de paiement", "Intérêts et indemnité dus de plein droit : 136,77 €")
                .doesNotContain("136.77");
        browser.screenshot("form-qualify-mediation");

        staff.completeAs("correspondent", qualify, SampleMediations.admissible());
        Task contact = staff.awaitTask(instance, "ContactSme");
        tasklist.openTask(contact.getId());
        browser.screenshot("form-contact-sme");
        staff.completeAs("correspondent", contact, SampleMediations.firstContact(LocalDate.now(PARIS)));
        staff.completeAs(
                "correspondent",
                staff.awaitTask(instance, "ConductMediation"),
                SampleMediations.action(LocalDate.now(PARIS), "Service payeur de la base de défense"));
        staff.completeAs("correspondent", staff.awaitTask(instance, "ConductMediation"), SampleMediations.failure());
        Task levelTwo = staff.awaitTask(instance, "ConductMediation");

        tasklist.switchTo("mediator", staff.firstName("mediator"));
        tasklist.openTask(levelTwo.getId());
        assertThat(tasklist.formText())
                .contains(
                        "médiateur du ministère (niveau 2)",
                        "auprès de Service payeur de la base de défense : Appel au service payeur",
                        "La partie concernée maintient son refus malgré trois échanges.",
                        "Premier contact avec l'entreprise");
        browser.screenshot("form-conduct-mediation-level-2");

        tasklist.driver().get(tasklist.linkInForm(FILE_LINK));
        assertThat(tasklist.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Dossier de médiation " + instance.getBusinessKey());
        assertThat(tasklist.pageText()).contains("Actions de médiation", "Service payeur de la base de défense");
        assertAccessible("staff-file-mediation");
    }

    /** axe-core on the page shown: no serious or critical violation (WCAG 2.1 AA rules). */
    private void assertAccessible(String screenshot) {
        browser.screenshot(screenshot);
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(tasklist.driver());
        List<String> serious = results.getViolations().stream()
                .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .map(StaffSeeTheWholeFileE2ETest::describe)
                .toList();
        assertThat(serious).isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                + rule.getNodes().stream()
                        .map(node -> node.getTarget().toString())
                        .toList();
    }
}
