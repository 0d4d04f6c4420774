package fr.defense.rapid.mediation;

import static fr.defense.rapid.demo.SampleMediations.admissible;
import static fr.defense.rapid.demo.SampleMediations.agreement;
import static fr.defense.rapid.demo.SampleMediations.failure;
import static fr.defense.rapid.demo.SampleMediations.firstContact;
import static fr.defense.rapid.demo.SampleMediations.notAdmissible;
import static fr.defense.rapid.demo.SampleMediations.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

/**
 * The mails of {@code mediation-escalation} as a real SMTP server (GreenMail) receives them:
 * recipient, subject with the case number, key content in both parts, in French, signed by the
 * mediation service; the case file PDF attached to the hand-off; each mail in the case's timeline
 * and in the {@code notification} table under the case number.
 */
@ProcessTest
class MediationNotificationsTest {

    static final String KEY = "mediation-escalation";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Wednesday 13 May 2026, the day before Ascension: 15 working days end on Friday 5 June. */
    static final ZonedDateTime FILED = ZonedDateTime.of(2026, 5, 13, 10, 0, 0, 0, PARIS);

    static final String SIGNATURE = "Le service de médiation PME — Ministère des Armées";
    static final String RAPID_SIGNATURE = "Le secrétariat du dispositif RAPID";
    static final String CORRESPONDENT = "correspondant.pme@defense.example";
    static final String MEDIATOR = "mediateur@defense.example";
    static final String MANAGER = "mission.achats@defense.example";

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediationRepository cases;

    @Autowired
    MediationRequests requests;

    @Value("${rapid.mediation.national-mediator-email}")
    String nationalMediator;

    RapidProcess process;
    /**
     * Unique per test: the other application of the test JVM numbers cases in its own database
     * and sends to the same SMTP server, so a case number alone does not identify our mails. The
     * SME's mails go to this test's own address; the staff's and the national mediator's name
     * this test's company.
     */
    String companyName;

    String contactEmail;

    record Attached(String name, String contentType, byte[] content) {}

    /** {@code html} is unescaped (Thymeleaf writes ' as &#39;), its tags kept. */
    record Mail(List<String> to, String subject, String text, String html, List<Attached> attachments) {

        /** The plain-text part, then what the HTML part shows (without tags, spaces collapsed). */
        List<String> parts() {
            return List.of(text, html.replaceAll("<[^>]+>", "").replaceAll("\\s+", " "));
        }
    }

    @BeforeEach
    void setUp() {
        process = new RapidProcess(engine, attachments);
        ClockUtil.setCurrentTime(Date.from(FILED.toInstant()));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        companyName = "Optronique du Lac " + unique;
        contactEmail = "claire.martin+" + unique + "@optronique-du-lac.example";
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    @Test
    void acknowledgmentGivesTheAnswerDateInWorkingDaysAndTheFirstContactDate() throws Exception {
        String number = filed(SampleMediations.contractDispute()).getBusinessKey();

        Mail ack = single(number, "Accusé de réception");
        assertThat(ack.to()).containsExactly(contactEmail);
        assertThat(ack.subject()).isEqualTo("[" + number + "] Accusé de réception de votre demande de médiation");
        for (String part : ack.parts()) {
            assertThat(part)
                    .contains(
                            "Bonjour Claire Martin",
                            "enregistrée sous le n° ",
                            "Litige contractuel",
                            "Naval Systems SA (maître d'œuvre)",
                            "au plus tard le 05/06/2026",
                            "15 jours ouvrés",
                            "Un premier contact sera pris avec vous au plus tard le 20/05/2026",
                            "/portail/mediations/" + number);
            assertThat(part).doesNotContain("Retard de paiement", "dispositif RAPID");
        }
        assertThat(ack.text())
                .contains("au plus tard le 05/06/2026 (15 jours ouvrés), une réponse sur le fond ou une "
                        + "réponse d'attente indiquant le nom de votre interlocuteur.");
    }

    @Test
    void latePaymentAcknowledgmentGivesTheAmountDueAndHowItWasComputed() throws Exception {
        String number = filed(SampleMediations.latePayment()).getBusinessKey();

        Mail ack = single(number, "Accusé de réception");
        assertThat(ack.to()).containsExactly(contactEmail);
        List<String> computation = List.of(
                "Facture de 12 000 € reçue par l'acheteur le 02/03/2026 : paiement dû sous 30 jours, au plus tard le 01/04/2026.",
                "Retard : 29 jour(s), jusqu'au paiement du 30/04/2026.",
                "Taux : taux de la BCE en vigueur au 01/01/2026 (premier jour du semestre), 2,15 %, majoré de 8 points, soit 10,15 %.",
                "Intérêts moratoires : 12 000 € × 10,15 % × 29 / 365 = 96,77 €.",
                "Indemnité forfaitaire pour frais de recouvrement : 40,00 €.",
                "Total dû de plein droit : 136,77 €.");
        for (String part : ack.parts()) {
            assertThat(part)
                    .contains(
                            "Retard de paiement",
                            "un retard de 29 jours",
                            "s'élève à 136,77 €",
                            "Détail du calcul",
                            "au plus tard le 05/06/2026",
                            "20/05/2026");
            assertThat(part).contains(computation);
        }
        computation.forEach(line -> assertThat(ack.text()).contains("- " + line));
        computation.forEach(line -> assertThat(ack.html()).contains("<li>" + line + "</li>"));
    }

    @Test
    void contestOfARapidRejectionIsAcknowledgedWithTheDossierNumber() throws Exception {
        ProcessInstance dossier = process.rejected(SampleDossiers.smallCompany());

        String number = requests.file(
                        "pme-demo",
                        List.of("sme"),
                        null,
                        identified(SampleMediations.rapidContest(dossier.getBusinessKey())))
                .reference();
        process.runDueJobs(engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(number)
                .singleResult());

        Mail ack = single(number, "Accusé de réception");
        assertThat(ack.to()).containsExactly(contactEmail);
        for (String part : ack.parts()) {
            assertThat(part)
                    .contains(
                            "Contestation d'une décision RAPID",
                            "contestation de la décision rendue sur votre dossier n° " + dossier.getBusinessKey());
        }
    }

    @Test
    void admissibleRequestNamesTheMediatorAndTheLevelOneTarget() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "QualifyRequest", "correspondent", admissible());

        Mail mail = single(instance.getBusinessKey(), "recevable");
        assertThat(mail.to()).containsExactly(contactEmail);
        assertThat(mail.subject())
                .isEqualTo("[" + instance.getBusinessKey() + "] Votre demande de médiation est recevable");
        for (String part : mail.parts()) {
            assertThat(part)
                    .contains(
                            "a été examinée et jugée recevable",
                            "Votre interlocuteur pour ce dossier est Julien Petit",
                            "soit au plus tard le 13/08/2026",
                            "prolongé une fois");
        }
    }

    @Test
    void missedAnswerCommitmentAlertsTheCorrespondentsAndTheManagers() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.timePasses(instance, Duration.ofDays(23).plusHours(14)); // 06/06 00:00

        Mail alert = single(instance.getBusinessKey(), "Échéance de médiation dépassée");
        assertThat(alert.to()).containsExactlyInAnyOrder(CORRESPONDENT, MANAGER);
        for (String part : alert.parts()) {
            assertThat(part)
                    .contains(
                            "Aux chargés de médiation et aux gestionnaires",
                            "« Réponse sous 15 jours ouvrés (engagement de service) »",
                            "déposé par " + companyName,
                            "l'échéance était fixée au 05/06/2026",
                            "niveau 1 de la médiation",
                            "correspondant PME",
                            "/camunda/app/tasklist/");
        }
    }

    @Test
    void overdueFirstContactAlertsTheCorrespondentsAndTheManagers() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "QualifyRequest", "correspondent", admissible());
        process.timePasses(instance, Duration.ofDays(7).plusMinutes(1));

        Mail alert = single(instance.getBusinessKey(), "Échéance de médiation dépassée");
        assertThat(alert.to()).containsExactlyInAnyOrder(CORRESPONDENT, MANAGER);
        for (String part : alert.parts()) {
            assertThat(part)
                    .contains(
                            "« Premier contact avec l'entreprise sous 7 jours »",
                            "l'échéance était fixée au 20/05/2026",
                            "déposé par " + companyName,
                            "niveau 1");
        }
    }

    @Test
    void levelOneFailureIsExplainedToTheSmeWithTheReportAndTheNewTarget() throws Exception {
        ProcessInstance instance = atLevelOne();
        process.timePasses(instance, Duration.ofDays(10)); // 23/05
        process.complete(instance, "ConductMediation", "correspondent", failure());

        Mail mail = single(instance.getBusinessKey(), "confiée au médiateur du ministère");
        assertThat(mail.to()).containsExactly(contactEmail);
        for (String part : mail.parts()) {
            assertThat(part)
                    .contains(
                            "passe au niveau 2 de la médiation",
                            "il est désormais confié au médiateur du ministère",
                            "échec de la médiation de niveau 1 : La partie concernée maintient son refus malgré trois échanges.",
                            "est fixée au 23/08/2026");
        }
        assertThat(mailsOf(instance.getBusinessKey()))
                .extracting(Mail::subject)
                .noneMatch(subject -> subject.contains("Échéance"));
    }

    @Test
    void levelOneTargetPassedAlertsTheStaffThenTellsTheSmeItsCaseMovesUp() throws Exception {
        ProcessInstance instance = atLevelOne();
        process.timePasses(instance, Duration.ofDays(92).plusMinutes(1)); // 13/08 10:01

        Mail alert = single(instance.getBusinessKey(), "Échéance de médiation dépassée");
        assertThat(alert.to()).containsExactlyInAnyOrder(CORRESPONDENT, MANAGER);
        for (String part : alert.parts()) {
            assertThat(part)
                    .contains(
                            "« Délai de médiation du niveau en cours »",
                            "l'échéance était fixée au 13/08/2026",
                            "niveau 1 de la médiation (correspondant PME)",
                            "déposé par " + companyName);
        }

        Mail escalation = single(instance.getBusinessKey(), "confiée au médiateur du ministère");
        assertThat(escalation.to()).containsExactly(contactEmail);
        for (String part : escalation.parts()) {
            assertThat(part)
                    .contains(
                            "passe au niveau 2",
                            "délai de médiation du niveau 1 dépassé (échéance du 13/08/2026)",
                            "est fixée au 13/11/2026");
        }
    }

    @Test
    void levelTwoTargetPassedAlertsTheMinistryMediatorsAndTheManagersThenTheCaseLeaves() throws Exception {
        ProcessInstance instance = atLevelOne();
        process.complete(instance, "ConductMediation", "correspondent", failure()); // level 2 until 13/08
        process.timePasses(instance, Duration.ofDays(93));

        Mail alert = single(instance.getBusinessKey(), "Échéance de médiation dépassée");
        assertThat(alert.to()).containsExactlyInAnyOrder(MEDIATOR, MANAGER);
        for (String part : alert.parts()) {
            assertThat(part)
                    .contains(
                            "« Délai de médiation du niveau en cours »",
                            "l'échéance était fixée au 13/08/2026",
                            "niveau 2 de la médiation (médiateur du ministère)",
                            "déposé par " + companyName);
        }
        assertThat(single(instance.getBusinessKey(), "Saisine du Médiateur des entreprises")
                        .to())
                .containsExactly(nationalMediator);
        assertThat(single(instance.getBusinessKey(), "Issue de votre demande").text())
                .contains("transmis au Médiateur des entreprises");
    }

    @Test
    void levelTwoFailureSendsTheCaseFileToTheNationalMediatorAndTellsTheSme() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        String number = instance.getBusinessKey();
        process.complete(instance, "QualifyRequest", "correspondent", admissible());
        process.complete(instance, "ContactSme", "correspondent", firstContact(LocalDate.of(2026, 5, 13)));
        process.timePasses(instance, Duration.ofDays(10)); // 23/05
        process.complete(
                instance,
                "ConductMediation",
                "correspondent",
                SampleMediations.action(
                        LocalDate.of(2026, 5, 20),
                        "Naval Systems SA — direction des achats",
                        "Le maître d'œuvre promet une réponse écrite sur les lots 3 et 4."));
        process.complete(instance, "ConductMediation", "correspondent", failure());
        process.timePasses(instance, Duration.ofDays(15)); // 07/06
        process.complete(
                instance,
                "ConductMediation",
                "mediator",
                SampleMediations.action(
                        LocalDate.of(2026, 6, 2),
                        "Naval Systems SA — direction générale",
                        "Réunion tripartite : aucune concession sur la réception des lots."));
        String report =
                "Le maître d'œuvre refuse toute réception partielle ; le médiateur du ministère constate l'échec.";
        process.complete(
                instance, "ConductMediation", "mediator", Map.of("mediationStep", "FAILURE", "failureReport", report));

        String pdfName = number + "-dossier-de-mediation.pdf";
        Mail handoff = single(number, "Saisine du Médiateur des entreprises");
        assertThat(handoff.to()).containsExactly(nationalMediator);
        assertThat(handoff.subject()).isEqualTo("[" + number + "] Saisine du Médiateur des entreprises");
        for (String part : handoff.parts()) {
            assertThat(part)
                    .contains(
                            "À l'attention du Médiateur des entreprises",
                            companyName,
                            "SIREN 732829320",
                            "Claire Martin",
                            "Naval Systems SA (maître d'œuvre)",
                            "Litige contractuel",
                            "85 000 €",
                            SampleMediations.contractDispute()
                                    .get("description")
                                    .toString(),
                            report,
                            pdfName);
        }
        assertThat(handoff.attachments()).singleElement().satisfies(pdf -> {
            assertThat(pdf.name()).isEqualTo(pdfName);
            assertThat(pdf.contentType()).startsWith("application/pdf");
        });
        assertThat(pdfText(handoff.attachments().get(0).content(), number))
                .contains(
                        "Dossier de médiation " + number,
                        companyName,
                        "732829320",
                        SampleMediations.contractDispute().get("description").toString(),
                        // each action: the first contact, one at each level
                        "Entretien téléphonique : l'entreprise précise les montants et transmet ses pièces.",
                        "Le maître d'œuvre promet une réponse écrite sur les lots 3 et 4.",
                        "Réunion tripartite : aucune concession sur la réception des lots.",
                        "Rapport d'échec : " + report,
                        // the level-1 report, in the timeline of the escalation to level 2
                        "La partie concernée maintient son refus malgré trois échanges.");

        Mail outcome = single(number, "Issue de votre demande");
        assertThat(outcome.to()).containsExactly(contactEmail);
        for (String part : outcome.parts()) {
            assertThat(part)
                    .contains(
                            "n'a pas permis de régler le différend",
                            "Votre dossier a donc été transmis au Médiateur des entreprises",
                            nationalMediator,
                            "Le traitement de votre dossier par le ministère est clos.");
        }
    }

    @Test
    void theLongestTextsTheFormsAllowStillReachTheNationalMediatorInFull() throws Exception {
        Map<String, Object> request = SampleMediations.contractDispute();
        String description = longText("Exposé", 4000);
        request.put("description", description);
        ProcessInstance instance = filed(request);
        String number = instance.getBusinessKey();
        process.complete(instance, "QualifyRequest", "correspondent", admissible());
        process.complete(instance, "ContactSme", "correspondent", firstContact(LocalDate.of(2026, 5, 13)));
        String levelOneReport = longText("Niveau 1", 4000);
        process.complete(
                instance,
                "ConductMediation",
                "correspondent",
                Map.of("mediationStep", "FAILURE", "failureReport", levelOneReport));
        String levelTwoReport = longText("Niveau 2", 4000);
        process.complete(
                instance,
                "ConductMediation",
                "mediator",
                Map.of("mediationStep", "FAILURE", "failureReport", levelTwoReport));

        Mail escalation = single(number, "confiée au médiateur du ministère");
        assertThat(escalation.text()).contains(levelOneReport);
        Mail handoff = single(number, "Saisine du Médiateur des entreprises");
        assertThat(handoff.text()).contains(description, levelTwoReport);
        assertThat(handoff.parts().get(1)).contains(description, levelTwoReport);
        assertThat(pdfText(handoff.attachments().get(0).content(), number)).contains(description, levelTwoReport);
        assertThat(single(number, "Issue de votre demande").text()).contains("transmis au Médiateur des entreprises");
    }

    @Test
    void agreementWithTheLongestMeasuresTheFormAllowsIsMailed() throws Exception {
        ProcessInstance instance = atLevelOne();
        String measures = longText("Mesure", 4000);
        process.complete(
                instance,
                "ConductMediation",
                "correspondent",
                Map.of(
                        "mediationStep",
                        "AGREEMENT",
                        "agreementMeasures",
                        measures,
                        "agreementExecutionDate",
                        "2026-07-01"));

        assertThat(single(instance.getBusinessKey(), "Issue de votre demande").text())
                .contains(measures, "01/07/2026");
    }

    @Test
    void agreementGivesTheMeasuresAndTheirExecutionDate() throws Exception {
        ProcessInstance instance = atLevelOne();
        process.complete(instance, "ConductMediation", "correspondent", agreement(LocalDate.of(2026, 7, 1)));

        Mail outcome = single(instance.getBusinessKey(), "Issue de votre demande");
        assertThat(outcome.to()).containsExactly(contactEmail);
        assertThat(outcome.subject())
                .isEqualTo("[" + instance.getBusinessKey() + "] Issue de votre demande de médiation");
        for (String part : outcome.parts()) {
            assertThat(part)
                    .contains(
                            "un accord a été trouvé",
                            "partie concernée : Naval Systems SA (maître d'œuvre)",
                            "Mesures convenues",
                            "Paiement des intérêts moratoires et de l'indemnité forfaitaire sous 30 jours.",
                            "exécutées au plus tard le 01/07/2026",
                            "Le dossier de médiation est clos.");
        }
    }

    @Test
    void requestNotAdmissibleIsToldItsReason() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "QualifyRequest", "correspondent", notAdmissible());

        Mail outcome = single(instance.getBusinessKey(), "Issue de votre demande");
        assertThat(outcome.to()).containsExactly(contactEmail);
        for (String part : outcome.parts()) {
            assertThat(part)
                    .contains(
                            "n'a pas été jugée recevable",
                            "Motif",
                            "Le litige oppose deux entreprises privées sans lien avec un marché du ministère.");
            assertThat(part).doesNotContain("accord a été trouvé");
        }
        assertThat(mailsOf(instance.getBusinessKey()))
                .extracting(Mail::subject)
                .noneMatch(subject -> subject.contains("recevable"));
    }

    @Test
    void withdrawalIsConfirmedThenTheSurveyIsOpenForThirtyDays() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        process.complete(instance, "WithdrawCase", "pme-demo", withdrawal());

        Mail outcome = single(instance.getBusinessKey(), "Issue de votre demande");
        for (String part : outcome.parts()) {
            assertThat(part)
                    .contains(
                            "Nous vous confirmons le retrait de votre demande de médiation n° "
                                    + instance.getBusinessKey(),
                            "Motif indiqué",
                            "Le paiement est intervenu entre-temps.");
        }

        Mail survey = single(instance.getBusinessKey(), "Votre avis sur le service de médiation");
        assertThat(survey.to()).containsExactly(contactEmail);
        for (String part : survey.parts()) {
            assertThat(part)
                    .contains(
                            "est désormais clos",
                            "de 1 (pas du tout satisfait) à 5 (très satisfait)",
                            "Le questionnaire est ouvert jusqu'au 12/06/2026",
                            "/portail/mediations/" + instance.getBusinessKey());
        }
    }

    @Test
    void mailsAreInTheCaseTimelineAndRecordedUnderTheCaseNumber() throws Exception {
        ProcessInstance instance = filed(SampleMediations.contractDispute());
        String number = instance.getBusinessKey();
        process.complete(instance, "QualifyRequest", "correspondent", notAdmissible());

        assertThat(mailsOf(number)).hasSize(3);
        assertThat(cases.timeline(number))
                .filteredOn(event -> event.eventType().startsWith("NOTIFICATION_"))
                .extracting(TimelineEntry::eventType)
                .containsExactly(
                        "NOTIFICATION_MEDIATION_ACKNOWLEDGMENT",
                        "NOTIFICATION_MEDIATION_OUTCOME",
                        "NOTIFICATION_MEDIATION_SURVEY");
        assertThat(cases.timeline(number))
                .filteredOn(event -> event.eventType().equals("NOTIFICATION_MEDIATION_OUTCOME"))
                .singleElement()
                .extracting(TimelineEntry::description)
                .isEqualTo(
                        "Courriel « [" + number + "] Issue de votre demande de médiation » envoyé à " + contactEmail);

        record Row(
                String template,
                String dossierNumber,
                String caseNumber,
                String recipients,
                String status,
                String subject) {}
        List<Row> rows = jdbc.sql("""
                        select template, dossier_number, case_number, recipients, status, subject from notification
                        where case_number = ? order by created_at, template""").param(number).query(Row.class).list();
        assertThat(rows)
                .extracting(Row::template)
                .containsExactlyInAnyOrder("MEDIATION_ACKNOWLEDGMENT", "MEDIATION_OUTCOME", "MEDIATION_SURVEY");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.caseNumber()).isEqualTo(number);
            assertThat(row.dossierNumber()).isNull();
            assertThat(row.recipients()).isEqualTo(contactEmail);
            assertThat(row.status()).isEqualTo("SENT");
            assertThat(row.subject()).startsWith("[" + number + "] ");
        });
        assertThat(jdbc.sql("select count(*) from notification where dossier_number = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /** The PDF's text as PDFBox extracts it, without page footers, line breaks put back as spaces. */
    private static String pdfText(byte[] pdf, String number) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper()
                    .getText(document)
                    .replaceAll(number + " — page \\d+ / \\d+", " ")
                    .replaceAll("\\s+", " ");
        }
    }

    /** Numbered French sentences up to exactly {@code length} characters, as long as a form field allows. */
    private static String longText(String label, int length) {
        StringBuilder text = new StringBuilder();
        for (int n = 1; text.length() < length; n++) {
            text.append(label).append(", point ").append(n).append(" : l'acheteur n'a donné aucune suite écrite. ");
        }
        return text.substring(0, length).strip();
    }

    private Map<String, Object> identified(Map<String, Object> request) {
        request.put("companyName", companyName);
        request.put("contactEmail", contactEmail);
        return request;
    }

    private ProcessInstance filed(Map<String, Object> request) {
        return process.filed(identified(request));
    }

    private ProcessInstance atLevelOne() {
        return process.atLevelOne(identified(SampleMediations.contractDispute()), LocalDate.of(2026, 5, 13));
    }

    /** The one mail of this case whose subject contains this; both parts in French, signed by the mediation service. */
    private Mail single(String number, String subjectPart) throws Exception {
        List<Mail> found = mailsOf(number).stream()
                .filter(mail -> mail.subject().contains(subjectPart))
                .toList();
        assertThat(found).as("one mail '" + subjectPart + "' for " + number).hasSize(1);
        Mail mail = found.get(0);
        assertThat(mail.subject()).startsWith("[" + number + "] ");
        assertThat(mail.text())
                .as("plain-text part")
                .contains(number)
                .contains(SIGNATURE)
                .contains("merci de ne pas y répondre")
                .doesNotContain(RAPID_SIGNATURE);
        assertThat(mail.html())
                .as("HTML part, in the common frame")
                .contains("<html lang=\"fr\"")
                .contains(number)
                .contains("<p>" + SIGNATURE + "</p>")
                .contains("merci de ne pas y répondre")
                .doesNotContain(RAPID_SIGNATURE);
        return mail;
    }

    /**
     * This test's mails of the case: to its SME's own address, or naming its company. GreenMail
     * keeps a copy per recipient: one mail per Message-ID.
     */
    private List<Mail> mailsOf(String number) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MimeMessage message : TestSmtp.received()) {
            if (!message.getSubject().contains("[" + number + "]") || !seen.add(message.getMessageID())) {
                continue;
            }
            List<String> to = Arrays.stream(message.getAllRecipients())
                    .map(Address::toString)
                    .toList();
            String text = TestSmtp.part(message, "text/plain");
            if (to.contains(contactEmail) || text.contains(companyName)) {
                List<Attached> attachments = new ArrayList<>();
                collectAttachments(message, attachments);
                mails.add(new Mail(
                        to,
                        message.getSubject(),
                        text,
                        HtmlUtils.htmlUnescape(TestSmtp.part(message, "text/html")),
                        attachments));
            }
        }
        return mails;
    }

    private static void collectAttachments(Part part, List<Attached> into) throws MessagingException, IOException {
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            try (InputStream content = part.getInputStream()) {
                into.add(new Attached(
                        MimeUtility.decodeText(part.getFileName()), part.getContentType(), content.readAllBytes()));
            }
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), into);
            }
        }
    }
}
