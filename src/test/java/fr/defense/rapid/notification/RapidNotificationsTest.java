package fr.defense.rapid.notification;

import static fr.defense.rapid.demo.SampleDossiers.approval;
import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static fr.defense.rapid.demo.SampleDossiers.rejection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.support.SmtpRelay;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The RAPID notifications as a real SMTP server (GreenMail) receives them: recipient, subject with
 * the dossier number, key content, a plain-text and an HTML part; never for a step that rolled
 * back; retried while SMTP is down, an incident when retries run out, exactly one mail once it is
 * back and the incident resolved; every attempt under the notification's own Message-ID, and a
 * mail whose acceptance was lost sent again under it, the timeline saying so.
 */
@ProcessTest
class RapidNotificationsTest {

    private static final String SME_MAIL = "claire.martin@optronique-du-lac.example";

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JavaMailSenderImpl smtp;

    @Autowired
    SentMails sentMails;

    RapidProcess rapid;
    /**
     * Unique per test: the other application of the test JVM numbers dossiers in its own database
     * and sends to the same SMTP server, so a dossier number alone does not identify our mails.
     */
    String title;

    record Mail(String to, String subject, String text, String html, String messageId) {}

    @BeforeEach
    void setUp() {
        rapid = new RapidProcess(engine, attachments);
        ClockUtil.setCurrentTime(new Date());
        title = "Caméra infrarouge " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        TestSmtp.start();
    }

    @Test
    void acknowledgmentReachesTheContactWithTheDossierNumber() throws Exception {
        ProcessInstance dossier = submitted(SampleDossiers.smallCompany());
        String number = dossier.getBusinessKey();

        Mail ack = single(number, "Accusé de réception");
        assertThat(ack.to()).isEqualTo(SME_MAIL);
        assertThat(ack.subject()).isEqualTo("[" + number + "] Accusé de réception de votre dossier");
        assertThat(ack.text()).contains(number).contains(title).contains("Bonjour Claire Martin");
        assertThat(ack.html()).contains(number).contains("<html");
        assertThat(ack.text()).contains("/portail/dossiers/" + number).doesNotContain("/api/");
        assertThat(status(number, "ACKNOWLEDGMENT")).isEqualTo("SENT");
        // Named after its notification, at the sender's domain (no rapid.mail.message-id-domain in the tests).
        String notification = notificationOf(number, "ACKNOWLEDGMENT");
        assertThat(ack.messageId())
                .isEqualTo(MessageIds.of(notification, "defense.gouv.fr"))
                .isEqualTo("<" + dossier.getId() + ".NotifyAcknowledgment.1@defense.gouv.fr>")
                .isEqualTo(column(number, "ACKNOWLEDGMENT", "message_id"));
    }

    @Test
    void ineligibleDossierIsToldItsReasons() throws Exception {
        String number = submitted(SampleDossiers.largeCompany()).getBusinessKey();

        Mail mail = single(number, "n'est pas éligible");
        assertThat(mail.text()).contains("2 000 salariés");
        assertThat(mail.html()).contains("2 000 salariés");
    }

    @Test
    void complementsAreRequestedThenRemindedThenTheDossierClosed() throws Exception {
        ProcessInstance dossier = submitted(SampleDossiers.smallCompany());
        String number = dossier.getBusinessKey();
        rapid.complete(dossier, "CheckCompleteness", "secretariat", completeness(false));

        Mail request = single(number, "Compléments demandés");
        assertThat(request.text()).contains("Liasse fiscale");
        assertThat(request.text()).containsPattern("\\d{2}/\\d{2}/\\d{4}");

        rapid.timePasses(dossier, Duration.ofDays(23).plusMinutes(1));
        assertThat(single(number, "Rappel").text()).contains(number);

        rapid.timePasses(dossier, Duration.ofDays(7));
        assertThat(single(number, "classé sans suite").text()).contains(number);
    }

    @Test
    void managersAreWrittenToWhenTheEvaluationIsLate() throws Exception {
        ProcessInstance dossier = submitted(SampleDossiers.smallCompany());
        rapid.complete(dossier, "CheckCompleteness", "secretariat", completeness(true));
        rapid.timePasses(dossier, Duration.ofDays(21).plusMinutes(1));

        Mail alert = single(dossier.getBusinessKey(), "Délai d'évaluation technique dépassé");
        assertThat(alert.to()).isEqualTo("mission.achats@defense.example");
        assertThat(alert.text()).contains("/camunda/app/cockpit/");
    }

    @Test
    void approvalGivesTheAmountAndTheDeadlineThenTheGrantIsConfirmed() throws Exception {
        ProcessInstance dossier = atCommitteeDecision();
        String number = dossier.getBusinessKey();
        rapid.complete(dossier, "CommitteeDecision", "committee", approval(180_000L));

        Mail approved = single(number, "aide accordée");
        assertThat(approved.text()).contains("180 000 €").containsPattern("\\d{2}/\\d{2}/\\d{4}");
        assertThat(approved.html()).contains("180 000 €");

        rapid.complete(dossier, "AcceptAgreement", "pme-demo", Map.of("agreementResponse", "ACCEPTED"));
        assertThat(single(number, "Subvention attribuée").text()).contains("180 000 €");
    }

    @Test
    void rejectionGivesTheMotivationAndHowToContest() throws Exception {
        ProcessInstance dossier = atCommitteeDecision();
        rapid.complete(dossier, "CommitteeDecision", "committee", rejection());

        Mail rejected = single(dossier.getBusinessKey(), "dossier rejeté");
        assertThat(rejected.text())
                .contains("insuffisamment démontré")
                .contains("deux mois")
                .contains("médiation");
        // The engine clock stands still: the decision is taken now, and may be contested for two months (Paris days).
        String deadline = DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(ClockUtil.getCurrentTime()
                        .toInstant()
                        .atZone(ZoneId.of("Europe/Paris"))
                        .plusMonths(2));
        assertThat(rejected.text())
                .contains("soit jusqu'au " + deadline + ", en saisissant le correspondant PME")
                .contains("sur la page de votre dossier n° " + dossier.getBusinessKey()
                        + ", cliquez sur « Contester la décision ».")
                .contains("/portail/dossiers/" + dossier.getBusinessKey())
                .doesNotContain("/api/");
        assertThat(rejected.html())
                .contains("soit jusqu'au <strong>" + deadline + "</strong>")
                .contains(
                        "<strong>" + dossier.getBusinessKey() + "</strong>, cliquez sur « Contester la décision ».</p>")
                .doesNotContain("/api/");
    }

    @Test
    void withdrawalIsConfirmed() throws Exception {
        ProcessInstance dossier = submitted(SampleDossiers.smallCompany());
        engine.getRuntimeService()
                .createMessageCorrelation("RapidWithdrawalRequested")
                .processInstanceBusinessKey(dossier.getBusinessKey())
                .correlate();
        rapid.runDueJobs(dossier);

        assertThat(single(dossier.getBusinessKey(), "Retrait").to()).isEqualTo(SME_MAIL);
    }

    @Test
    void aStepThatRollsBackSendsNothing() throws Exception {
        ProcessInstance dossier = submitted(SampleDossiers.smallCompany());
        String task = rapid.task(dossier, "CheckCompleteness").getId();

        // The completion asks for the complements mail, then its transaction rolls back.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            engine.getIdentityService().setAuthentication("secretariat", List.of("rapid-secretariat"));
            try {
                engine.getTaskService().complete(task, completeness(false));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            tx.setRollbackOnly();
        });
        rapid.runDueJobs(dossier);

        assertThat(mailsOf(dossier.getBusinessKey()))
                .extracting(Mail::subject)
                .noneMatch(subject -> subject.contains("Compléments"));
        assertThat(rapid.task(dossier, "CheckCompleteness").getId()).isEqualTo(task);
    }

    @Test
    void smtpDownMeansRetriesThenAnIncidentThenExactlyOneMailOnceResolved() throws Exception {
        TestSmtp.stop();
        ProcessInstance dossier = rapid.submit("pme-demo", titled(SampleDossiers.smallCompany()));
        String number = dossier.getBusinessKey();
        assertThat(jdbc.sql("select status from dossier where dossier_number = ?")
                        .param(number)
                        .query(String.class)
                        .single())
                .as("the dossier is created all the same")
                .isEqualTo("SUBMITTED");

        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(dossier.getId())
                .singleResult();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                    .isInstanceOf(MailSendException.class)
                    .hasMessageContaining("Mail server connection failed");
        }
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(dossier.getId())
                        .count())
                .as("an incident in Cockpit once the retries have run out")
                .isEqualTo(1);
        assertThat(jdbc.sql("select attempts from notification where dossier_number = ?")
                        .param(number)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);

        TestSmtp.start();
        engine.getManagementService().setJobRetries(job.getId(), 1); // resolving the incident, as in Cockpit
        engine.getManagementService().executeJob(job.getId());
        rapid.runDueJobs(dossier);

        assertThat(mailsOf(number))
                .extracting(Mail::subject)
                .containsExactly("[" + number + "] Accusé de réception de votre dossier");
        assertThat(engine.getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(dossier.getId())
                        .count())
                .isZero();
        assertThat(status(number, "ACKNOWLEDGMENT")).isEqualTo("SENT");
        // The server could not be reached: no attempt may have sent it, the mail went out once.
        assertThat(column(number, "ACKNOWLEDGMENT", "possible_repeats")).isEqualTo(0);
        assertThat(timeline(number))
                .containsExactly(
                        "Courriel « [" + number + "] Accusé de réception de votre dossier » envoyé à " + SME_MAIL);
    }

    @Test
    void aMailTheServerRefusedIsSentAgainAsAFirstSend() throws Exception {
        ProcessInstance dossier = rapid.submit("pme-demo", titled(SampleDossiers.smallCompany()));
        String number = dossier.getBusinessKey();
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(dossier.getId())
                .singleResult();

        assertThat(sentThroughRelay(job, SmtpRelay::refuseNextRecipient))
                .isInstanceOf(MailSendException.class)
                .hasMessageContaining("550");
        assertThat(mailsOf(number)).isEmpty();
        assertThat(column(number, "ACKNOWLEDGMENT", "sending"))
                .as("the server said no: the attempt is over")
                .isEqualTo(false);

        engine.getManagementService().executeJob(job.getId()); // the retry
        rapid.runDueJobs(dossier);

        assertThat(mailsOf(number)).hasSize(1);
        assertThat(column(number, "ACKNOWLEDGMENT", "attempts")).isEqualTo(2);
        assertThat(column(number, "ACKNOWLEDGMENT", "possible_repeats")).isEqualTo(0);
        assertThat(timeline(number))
                .containsExactly(
                        "Courriel « [" + number + "] Accusé de réception de votre dossier » envoyé à " + SME_MAIL);
    }

    @Test
    void aMailWhoseAcceptanceIsLostIsSentAgainWithTheSameMessageIdAndTheTimelineSaysSo() throws Exception {
        ProcessInstance dossier = rapid.submit("pme-demo", titled(SampleDossiers.smallCompany()));
        String number = dossier.getBusinessKey();
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(dossier.getId())
                .singleResult();

        // The server accepts the mail, and the connection is lost before its answer arrives.
        assertThat(sentThroughRelay(job, SmtpRelay::loseNextAcceptance)).isInstanceOf(MailSendException.class);
        assertThat(mailsOf(number)).hasSize(1);
        assertThat(column(number, "ACKNOWLEDGMENT", "sending"))
                .as("the outcome of the attempt is unknown")
                .isEqualTo(true);

        // A retry refused by the server does not make the first attempt's outcome any clearer.
        assertThat(sentThroughRelay(job, SmtpRelay::refuseNextRecipient)).isInstanceOf(MailSendException.class);
        engine.getManagementService().executeJob(job.getId()); // the retry that goes through
        rapid.runDueJobs(dossier);

        List<Mail> copies = mailsOf(number);
        String messageId = (String) column(number, "ACKNOWLEDGMENT", "message_id");
        assertThat(copies).extracting(Mail::messageId).containsExactly(messageId, messageId);
        assertThat(status(number, "ACKNOWLEDGMENT")).isEqualTo("SENT");
        assertThat(column(number, "ACKNOWLEDGMENT", "attempts")).isEqualTo(3);
        assertThat(column(number, "ACKNOWLEDGMENT", "possible_repeats")).isEqualTo(1);
        assertThat(timeline(number))
                .containsExactly("Nouvel envoi du courriel « [" + number + "] Accusé de réception de votre dossier » à "
                        + SME_MAIL + " : un envoi précédent a pu aboutir (même identifiant de message)");
        assertThat(sentMails.of(number))
                .extracting(SentMails.SentMail::status)
                .containsExactly("envoyé, peut-être en double : un envoi interrompu a pu aboutir"
                        + " (même identifiant de message)");
    }

    @Test
    void aRetryAfterTheServerAcceptedTheMailDoesNotSendItAgain() throws Exception {
        ProcessInstance dossier = rapid.submit("pme-demo", titled(SampleDossiers.smallCompany()));
        String number = dossier.getBusinessKey();
        Job job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(dossier.getId())
                .singleResult();

        // The job sends, then fails before it commits (an unclear failure for the job executor).
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            engine.getManagementService().executeJob(job.getId());
            tx.setRollbackOnly();
        });
        assertThat(mailsOf(number)).hasSize(1);

        rapid.runDueJobs(dossier); // the retry
        assertThat(mailsOf(number)).hasSize(1);
        assertThat(status(number, "ACKNOWLEDGMENT")).isEqualTo("SENT");
    }

    private Map<String, Object> titled(Map<String, Object> variables) {
        variables.put("projectTitle", title);
        return variables;
    }

    private ProcessInstance submitted(Map<String, Object> variables) {
        return rapid.submitted(titled(variables));
    }

    private ProcessInstance atCommitteeDecision() {
        return rapid.atCommitteeDecision(titled(SampleDossiers.smallCompany()));
    }

    private String status(String number, String template) {
        return jdbc.sql("select status from notification where dossier_number = ? and template = ?")
                .params(number, template)
                .query(String.class)
                .single();
    }

    private String notificationOf(String number, String template) {
        return (String) column(number, template, "id");
    }

    private Object column(String number, String template, String column) {
        return jdbc.sql("select * from notification where dossier_number = ? and template = ?")
                .params(number, template)
                .query()
                .singleRow()
                .get(column);
    }

    /** The dossier's timeline entries about mails. */
    private List<String> timeline(String number) {
        return jdbc.sql(
                        "select description from case_event where case_reference = ? and event_type like 'NOTIFICATION_%'"
                                + " order by occurred_at, id")
                .param(number)
                .query(String.class)
                .list();
    }

    private Mail single(String number, String subjectPart) throws Exception {
        List<Mail> found = mailsOf(number).stream()
                .filter(mail -> mail.subject().contains(subjectPart))
                .toList();
        assertThat(found).as("one mail '" + subjectPart + "' for " + number).hasSize(1);
        Mail mail = found.get(0);
        // Both parts, each naming the dossier; the subject carries its number.
        assertThat(mail.subject()).startsWith("[" + number + "] ");
        assertThat(mail.text()).as("plain-text part").contains(number);
        assertThat(mail.html())
                .as("HTML part, in the common frame")
                .contains("<html")
                .contains(number)
                .contains("merci de ne pas y répondre");
        return mail;
    }

    private List<Mail> mailsOf(String number) throws MessagingException, IOException {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : TestSmtp.received()) {
            if (message.getSubject().contains("[" + number + "]")) {
                String to = Arrays.stream(message.getAllRecipients())
                        .map(Address::toString)
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("");
                Mail mail = new Mail(
                        to,
                        message.getSubject(),
                        TestSmtp.part(message, "text/plain"),
                        TestSmtp.part(message, "text/html"),
                        message.getMessageID());
                if (mail.text().contains(title)) {
                    mails.add(mail);
                }
            }
        }
        return mails;
    }

    /** Runs the mail's job through a relay to the test server that misbehaves as told; what the job threw. */
    private Throwable sentThroughRelay(Job job, Consumer<SmtpRelay> misbehaviour) throws Exception {
        try (SmtpRelay relay = new SmtpRelay(TestSmtp.port())) {
            smtp.setPort(relay.port());
            misbehaviour.accept(relay);
            return catchThrowable(() -> engine.getManagementService().executeJob(job.getId()));
        } finally {
            smtp.setPort(TestSmtp.port());
        }
    }
}
