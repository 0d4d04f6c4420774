package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.decision.DecisionExplanation;
import fr.defense.rapid.decision.DecisionExplanations;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.system.EngineClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SME portal as the director of a small company uses it, in a real headless Chromium: log in,
 * fill the form-js start form, attach the pieces, submit, follow the dossier, answer the
 * secretariat, accept the agreement, read why the machine decided, contest a rejection. Staff act
 * through the engine around it. Every page passes axe-core and is saved at 1280 and 360 px wide
 * (target/e2e/portal-*.png).
 */
@Tag("browser")
@AppTest
class SmePortalE2ETest {

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Autowired
    DecisionExplanations explanations;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path files;

    private PortalPage portal;
    private Staff staff;

    @BeforeEach
    void openBrowser() {
        portal = browser.page();
        staff = browser.staff();
    }

    @Test
    void smeSubmitsWithItsPiecesAnswersTheSecretariatAndAcceptsTheGrant() throws Exception {
        // A mail's link opens the page asked for, after the login.
        portal.open("/portail/dossiers/nouveau");
        assertThat(portal.path()).startsWith("/login");
        portal.review("login");
        portal.logIn("pme-demo", "pme-demo");
        assertThat(portal.path()).startsWith("/portail/dossiers/nouveau");

        fillTheStartForm();
        assertThat(portal.attach("PROJECT_DESCRIPTION", pdf("Description du projet.pdf")))
                .contains("Description du projet.pdf a été joint au dossier.");
        portal.attach("TAX_RETURN", pdf("Liasse fiscale 2025.pdf"));
        portal.attach("TAX_RETURN", pdf("Liasse fiscale 2024.pdf"));
        portal.attach("FINANCIAL_ANNEX", pdf("Annexe financière.pdf"));
        await().atMost(Duration.ofSeconds(5)).until(() -> portal.draftStatus().startsWith("Brouillon enregistré"));
        portal.review("new-dossier");

        // The draft survives a closed browser: a new session finds every value and piece.
        portal.driver().manage().deleteAllCookies();
        portal.open("/portail/dossiers/nouveau");
        portal.logIn("pme-demo", "pme-demo");
        assertThat(portal.field("Titre du projet").getDomProperty("value")).isEqualTo(TITLE);
        assertThat(portal.field("Aide demandée (€)").getDomProperty("value")).isEqualTo("200000");
        assertThat(portal.attachedFiles("TAX_RETURN"))
                .containsExactly("Liasse fiscale 2025.pdf", "Liasse fiscale 2024.pdf");

        // Submitted with the keyboard alone: focus on the button, Enter.
        portal.button("Déposer mon dossier").sendKeys(Keys.ENTER);
        portal.awaitPath("/portail/dossiers/RAPID-");
        String number = portal.heading().replace("Dossier ", "");
        assertThat(portal.mainText())
                .contains(
                        "Votre dossier " + number + " a bien été déposé.",
                        "Et maintenant ?",
                        "En général, une décision est rendue en");
        assertThat(jdbc.sql("select count(*) from attachment where dossier_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);

        // The acknowledgment appears in the timeline once sent; the eligibility check is explained.
        awaitOnPage(
                "/portail/dossiers/" + number, "Courriel « [" + number + "] Accusé de réception de votre dossier »");
        portal.review("dossier-submitted");

        // The secretariat asks for complements: the SME answers in the portal.
        ProcessInstance dossier = staff.instance(number);
        // What the form only shows is text, never Markdown: a link typed in it stays as typed.
        staff.completeAs(
                "secretariat",
                staff.awaitTask(dossier, "CheckCompleteness"),
                Map.of(
                        "completenessOutcome",
                        "INCOMPLETE",
                        "missingItems",
                        "Liasse fiscale du dernier exercice ; voir [le guide](https://exemple.test/guide)."));
        awaitOnPage("/portail/dossiers/" + number, "Fournir les compléments");
        assertThat(portal.mainText())
                .contains("Liasse fiscale du dernier exercice ; voir [le guide](https://exemple.test/guide).");
        assertThat(portal.driver().findElements(By.cssSelector(".fjs-container a[href*='exemple.test']")))
                .isEmpty();
        portal.review("dossier-complements");
        portal.type("Votre réponse", "La liasse 2025 est jointe ; l'annexe détaille les coûts par partenaire.");
        portal.clickButton("Envoyer ma réponse");
        portal.awaitPath("/portail/dossiers/" + number + "?reponse");
        assertThat(portal.mainText()).contains("Votre réponse a bien été enregistrée.");

        // Staff find it complete, evaluate it, approve it: the SME accepts the agreement.
        staff.completeAs(
                "secretariat", staff.awaitTask(dossier, "CheckCompleteness"), SampleDossiers.completeness(true));
        staff.completeAs(
                "expert", staff.awaitTask(dossier, "TechnicalEvaluation"), SampleDossiers.favourableEvaluation());
        staff.completeAs("committee", staff.awaitTask(dossier, "CommitteeDecision"), SampleDossiers.approval(200_000L));
        awaitOnPage("/portail/dossiers/" + number, "Accepter la convention");
        portal.review("dossier-agreement");
        // With the keyboard alone: Tab to the list (it opens), Enter on its first option, Tab to the button, Enter.
        portal.tabTo(portal.field("Votre réponse"));
        portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        portal.tabTo(portal.button("Envoyer ma réponse"));
        portal.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        portal.awaitPath("/portail/dossiers/" + number + "?reponse");
        awaitOnPage("/portail/dossiers/" + number, "Convention acceptée : subvention attribuée");
        assertThat(portal.mainText())
                .contains("Taux de financement et aide proposée", "80 %", "Montant de l'aide accordée\n200 000 €")
                .doesNotContain("Accepter la convention");
        portal.review("dossier-granted");

        portal.open("/portail");
        assertThat(portal.mainText())
                .containsIgnoringCase("Subvention attribuée")
                .contains(number, TITLE);
        portal.review("home");
    }

    @Test
    void theDecisionExplanationShowsTheRulesAndValuesTheTablesReturned() {
        ProcessInstance approved = staff.dossierAwaitingDecision(SampleDossiers.smallCompany());
        ProcessInstance ineligible = staff.submitWithoutPieces("pme-demo", SampleDossiers.largeCompany());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> explanations
                                .forDossier(ineligible.getBusinessKey())
                                .map(DecisionExplanation::eligible)
                                .orElse(null)
                        != null);

        portal.open("/portail/dossiers/" + approved.getBusinessKey());
        portal.logIn("pme-demo", "pme-demo");
        DecisionExplanation shown =
                explanations.forDossier(approved.getBusinessKey()).orElseThrow();
        String page = portal.mainText();
        assertThat(page)
                .contains(
                        shown.statutoryMention(),
                        shown.eligibilitySummary(),
                        shown.funding().rateComputation());
        shown.eligibilityRules().forEach(rule -> assertThat(page).contains(rule.rule() + " : " + rule.verdict()));
        shown.funding().parts().forEach(part -> assertThat(page).contains(part.name() + " : " + part.rateText()));
        assertThat(shown.funding().parts())
                .extracting(DecisionExplanation.RatePart::rateText)
                .containsExactly("50 %", "20 %", "15 %");
        assertThat(page).contains("80 %");
        // The values shown are those the engine recorded for this dossier's eligibility check.
        HistoricDecisionInstance eligibility = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(approved.getId())
                .decisionDefinitionKey("rapid-eligibility")
                .includeInputs()
                .singleResult();
        List<String> recorded = eligibility.getInputs().stream()
                .map(HistoricDecisionInputInstance::getClauseName)
                .toList();
        assertThat(recorded).isNotEmpty();
        Map<String, Object> recordedValues = new java.util.HashMap<>();
        eligibility.getInputs().forEach(input -> recordedValues.put(input.getClauseName(), input.getValue()));
        shown.eligibilityRules().stream()
                .flatMap(rule -> rule.values().stream())
                .forEach(value -> {
                    assertThat(recorded).contains(value.label());
                    assertThat(value.value()).isEqualTo(recordedValues.get(value.label()));
                    assertThat(page).contains(value.label() + " : " + value.text());
                });
        portal.review("explanation-approved");

        portal.open("/portail/dossiers/" + ineligible.getBusinessKey());
        DecisionExplanation refused =
                explanations.forDossier(ineligible.getBusinessKey()).orElseThrow();
        assertThat(refused.eligible()).isFalse();
        assertThat(refused.funding()).isNull();
        String refusal = portal.mainText();
        assertThat(refusal)
                .contains("Dossier déclaré inéligible", refused.eligibilitySummary())
                .doesNotContain("Taux de financement et aide proposée");
        refused.eligibilityRules().stream()
                .filter(rule -> !rule.respected())
                .forEach(rule -> assertThat(refusal).contains(rule.rule() + " : non respectée", rule.reason()));
        portal.review("explanation-ineligible");
    }

    @Test
    void aRejectedDossierIsContestedAndItsMediationCaseOpens() {
        ProcessInstance dossier = staff.dossierAwaitingDecision(SampleDossiers.mediumCompany());
        staff.completeAs("committee", staff.awaitTask(dossier, "CommitteeDecision"), SampleDossiers.rejection());
        String number = dossier.getBusinessKey();

        portal.open("/portail/dossiers/" + number);
        portal.logIn("pme-demo", "pme-demo");
        awaitOnPage("/portail/dossiers/" + number, "Vous pouvez contester cette décision jusqu'au");
        assertThat(portal.mainText()).contains("Dossier rejeté par le comité");
        portal.review("dossier-rejected");
        portal.clickLink("Contester la décision");
        assertThat(portal.heading()).isEqualTo("Contester la décision sur le dossier " + number);
        assertThat(portal.field("Numéro du dossier RAPID").getDomProperty("value"))
                .isEqualTo(number);
        portal.review("contest");
        portal.type(
                "Description de la difficulté",
                "Le comité a jugé le projet trop proche d'un marché existant ; nous contestons cette analyse.");
        portal.check(
                "Je m'engage à respecter la confidentialité de la médiation : les informations et documents échangés ne seront ni divulgués ni utilisés en dehors de cette procédure");
        portal.clickButton("Envoyer ma demande");
        portal.awaitPath("/portail/mediations/MED-");
        String caseNumber = portal.heading().replace("Médiation ", "");
        assertThat(portal.mainText())
                .contains(
                        "Votre demande " + caseNumber + " a bien été enregistrée.",
                        "Contestation d'une décision RAPID",
                        number);
        portal.review("mediation-contest");

        portal.clickLink(number);
        assertThat(portal.mainText()).contains("Médiation sur ce dossier : " + caseNumber);
    }

    @Test
    void theSmeFollowsItsMediationAgreesToTheRenewalAndRatesTheService() {
        ProcessInstance instance = staff.caseAtLevelOne(SampleMediations.latePayment());
        String caseNumber = instance.getBusinessKey();
        staff.completeAs(
                "correspondent", staff.awaitTask(instance, "ConductMediation"), SampleMediations.renewalProposal());
        staff.awaitTask(instance, "AgreeToRenewal");

        portal.open("/portail");
        portal.logIn("pme-demo", "pme-demo");
        assertThat(portal.mainText()).contains("Accepter ou refuser la prolongation — " + caseNumber);
        portal.clickLink("Accepter ou refuser la prolongation — " + caseNumber);
        assertThat(portal.heading()).isEqualTo("Médiation " + caseNumber);
        assertThat(portal.mainText())
                .contains(
                        "Retard de paiement",
                        "Retirer votre demande",
                        "Intérêts moratoires",
                        "Fin de la médiation prévue le");
        portal.review("mediation-renewal");
        portal.check("J'accepte la prolongation de 3 mois");
        portal.clickButton("Envoyer ma réponse");
        portal.awaitPath("/portail/mediations/" + caseNumber + "?reponse");
        assertThat(staff.historicVariable(instance, "renewalResponse")).isEqualTo("ACCEPTED");

        staff.completeAs(
                "correspondent",
                staff.awaitTask(instance, "ConductMediation"),
                SampleMediations.agreement(LocalDate.now(EngineClock.PARIS).plusDays(30)));
        awaitOnPage("/portail/mediations/" + caseNumber, "Noter le service de médiation");
        portal.review("mediation-rating");
        portal.type("Note de 1 (insatisfait) à 5 (très satisfait)", "5");
        portal.clickButton("Envoyer ma réponse");
        portal.awaitPath("/portail/mediations/" + caseNumber + "?reponse");
        assertThat(portal.mainText()).contains("Accord trouvé").doesNotContain("Noter le service de médiation");
        assertThat(((Number) staff.historicVariable(instance, "satisfactionRating")).intValue())
                .isEqualTo(5);

        portal.clickLink("Demander une médiation");
        assertThat(portal.heading()).isEqualTo("Demander une médiation");
        assertThat(portal.field("Objet du différend")).isNotNull();
        portal.review("new-mediation");
    }

    @Test
    void theSmeWithdrawsItsDossierAfterConfirming() {
        ProcessInstance dossier = staff.startAs("pme-demo", "rapid-subsidy", SampleDossiers.smallCompany());
        staff.awaitTask(dossier, "CheckCompleteness");
        String number = dossier.getBusinessKey();

        portal.open("/portail/dossiers/" + number);
        portal.logIn("pme-demo", "pme-demo");
        portal.clickLink("Retirer mon dossier");
        assertThat(portal.heading()).isEqualTo("Retirer le dossier " + number + " ?");
        portal.review("withdraw");
        // Changing one's mind changes nothing.
        portal.clickLink("Non, garder mon dossier");
        assertThat(portal.path()).isEqualTo("/portail/dossiers/" + number);
        portal.clickLink("Retirer mon dossier");
        portal.clickButton("Oui, retirer définitivement mon dossier");
        portal.awaitPath("/portail/dossiers/" + number + "?retire");
        awaitOnPage("/portail/dossiers/" + number, "Dossier retiré par le déposant");
        assertThat(portal.mainText()).doesNotContain("Retirer mon dossier");
    }

    @Test
    void eachRefusedFileSaysWhyAndNothingIsStored() throws Exception {
        portal.open("/portail/dossiers/nouveau");
        portal.logIn("pme-demo", "pme-demo");
        long before = attachments();

        Path renamed = Files.writeString(files.resolve("budget.pdf"), "Ceci n'est pas un PDF.");
        assertThat(portal.attach("PROJECT_DESCRIPTION", renamed))
                .contains(
                        "budget.pdf n'a pas été joint : « Description du projet » : le fichier « budget.pdf » est"
                                + " refusé, son contenu n'est pas d'un type accepté pour cette pièce (PDF), quel que soit son nom.");
        Path executable = Files.write(files.resolve("outil.pdf"), executableBytes());
        assertThat(portal.attach("FINANCIAL_ANNEX", executable))
                .contains("outil.pdf n'a pas été joint : « Annexe financière » : le fichier « outil.pdf » est refusé");
        // The test profile caps a file at 64 Ko.
        Path large = Files.write(files.resolve("gros.pdf"), SamplePieces.pdf("x".repeat(70_000)));
        assertThat(portal.attach("PROJECT_DESCRIPTION", large))
                .contains("gros.pdf n'a pas été joint : « Description du projet » : ce fichier fait")
                .contains("au-delà de la taille maximale de 64 Ko par fichier.");
        assertThat(attachments()).isEqualTo(before);
        assertThat(portal.attachedFiles("PROJECT_DESCRIPTION")).isEmpty();
        portal.review("refused-file");

        // Another SME's file, and another SME's dossier, read as unknown.
        ProcessInstance others = staff.startAs("pme-other", "rapid-subsidy", SampleDossiers.mediumCompany());
        String id = jdbc.sql("select id from attachment where dossier_number = :n limit 1")
                .param("n", others.getBusinessKey())
                .query(String.class)
                .single();
        portal.driver().get(portal.base() + "/api/dossiers/" + others.getBusinessKey() + "/attachments/" + id);
        assertThat(portal.driver().findElement(By.tagName("body")).getText())
                .contains("404")
                .doesNotContain("%PDF");
        portal.open("/portail/dossiers/" + others.getBusinessKey());
        assertThat(portal.heading()).isEqualTo("Dossier introuvable");
        String unknown = portal.mainText();
        portal.open("/portail/dossiers/RAPID-2020-99999");
        assertThat(portal.mainText()).isEqualTo(unknown);
        portal.review("not-found");
    }

    @Test
    void textAnSmeTypedStaysTextInThePagesThatShowIt() {
        String hostile = "Optique</script><script>window.pwned=1</script><!-- & Cie";
        Map<String, Object> submission = new java.util.HashMap<>(SampleDossiers.smallCompany());
        submission.put("companyName", hostile);
        staff.startAs("pme-demo", "rapid-subsidy", submission);

        // The new mediation request starts from the latest dossier's company name, in a JSON block.
        portal.open("/portail/mediations/nouvelle");
        portal.logIn("pme-demo", "pme-demo");
        assertThat(portal.field("Raison sociale").getDomProperty("value")).isEqualTo(hostile);
        assertThat(((org.openqa.selenium.JavascriptExecutor) portal.driver()).executeScript("return window.pwned"))
                .isNull();
    }

    private static final String TITLE = "Radar passif compact pour drones";

    /** The whole start form, typed as a user types it (values of a small collaborative company). */
    private void fillTheStartForm() {
        portal.type("Numéro SIREN", "732829320");
        portal.type("Raison sociale", "Optronique du Lac");
        portal.type("Effectif (consolidé, salariés)", "35");
        portal.type("Chiffre d'affaires annuel (€)", "6000000");
        portal.type("Total du bilan (€)", "4000000");
        portal.choose("Région où sont menés les travaux", "Auvergne-Rhône-Alpes");
        portal.type("Titre du projet", TITLE);
        portal.type("Résumé du projet", "Un radar passif de moins de 2 kg, qui détecte sans émettre.");
        portal.choose("Type de travaux", "Recherche industrielle (TRL 3 à 5 en général)");
        portal.type("TRL de départ", "3");
        portal.type("TRL visé", "5");
        portal.type("Application défense", "Détection discrète de drones autour des emprises militaires.");
        portal.type("Application civile", "Surveillance des aéroports et des sites industriels.");
        portal.type("Durée (mois)", "24");
        portal.type("Nombre de partenaires (hors porteur)", "1");
        portal.check("Collaboration effective avec un laboratoire ou une autre entreprise");
        portal.type("Coût total du projet (€)", "400000");
        portal.type("Frais de personnel (€)", "250000");
        portal.type("Aide demandée (€)", "200000");
        portal.type("Nom du contact", "Claire Martin");
        portal.type("Courriel du contact", "claire.martin@optronique-du-lac.example");
    }

    /** Reloads the page until it shows the text (the job executor moves the dossier on meanwhile). */
    private void awaitOnPage(String path, String text) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    portal.open(path);
                    return portal.mainText().contains(text);
                });
    }

    private Path pdf(String name) throws Exception {
        return Files.write(files.resolve(name), SamplePieces.pdf(name.replace(".pdf", "")));
    }

    private long attachments() {
        return jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    /** The first bytes of a Windows executable (MZ header, PE signature). */
    private static byte[] executableBytes() {
        byte[] bytes = new byte[512];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        bytes[0x3c] = (byte) 0x80;
        bytes[0x80] = 'P';
        bytes[0x81] = 'E';
        return bytes;
    }
}
