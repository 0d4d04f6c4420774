package fr.defense.rapid.notification;

import static fr.defense.rapid.support.TestDatabases.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ApplicationNode;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.SmtpRelay;
import fr.defense.rapid.support.TestDatabases;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A node killed ({@code kill -9}) after the SMTP server accepted a mail and before the node could
 * record it: SMTP cannot tell, so the mail goes out again once the dead node's job lock expires,
 * harmlessly (the same Message-ID, which servers and mail clients use to drop copies) and visibly
 * (the notification and the timeline say it may be a repeat). The application runs in JVMs of its
 * own ({@link ApplicationNode}) on a database of its own, in the production profile; between it and
 * the SMTP server, a relay holds the server's acceptance back until the node is dead.
 */
@Tag("startup")
class MailAfterACrashTest {

    private static final String MESSAGE_ID_DOMAIN = "rapid.defense.gouv.fr";

    @Test
    void aMailInterruptedByACrashIsSentAgainWithTheSameMessageId() throws Exception {
        String database = TestDatabases.freshDatabase("crash");
        // One connection for the whole test: the machine's PostgreSQL serves other test runs too.
        SingleConnectionDataSource connection = new SingleConnectionDataSource(
                database, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""), true);
        JdbcClient jdbc = JdbcClient.create(connection);
        try {
            crashBetweenAcceptanceAndCommit(database, jdbc);
        } finally {
            connection.destroy();
        }
    }

    private void crashBetweenAcceptanceAndCommit(String database, JdbcClient jdbc) throws Exception {
        String title = "Reprise après panne " + UUID.randomUUID().toString().substring(0, 8);
        String number;

        try (SmtpRelay smtp = new SmtpRelay(TestSmtp.port())) {
            // A node sends the acknowledgment; the SMTP server accepts it; the node is killed before it hears so.
            // Its job lock (20 s) outlasts the hold, lest the node take its own job back before the kill; the
            // restart takes about as long, so that the lock has expired when the second node looks for jobs.
            try (ApplicationNode first = ApplicationNode.start("crash-first", node(database, smtp, "20000"))) {
                smtp.holdNextAcceptance();
                number = submit(first.http(), title);
                smtp.awaitHeldAcceptance(Duration.ofMinutes(2));
                first.kill();
            }
            smtp.dropHeldAcceptance();

            assertThat(acknowledgments(number, title))
                    .as("the server has the mail")
                    .hasSize(1);
            Map<String, Object> interrupted = notification(jdbc, number);
            assertThat(interrupted)
                    .as("the attempt was recorded before the mail went out, its outcome never")
                    .containsEntry("status", "PENDING")
                    .containsEntry("attempts", 1)
                    .containsEntry("sending", true);

            // Restarted on the same database: once the dead node's lock on the job expires, the job runs again.
            try (ApplicationNode second = ApplicationNode.start("crash-second", node(database, smtp, "5000"))) {
                await().atMost(Duration.ofMinutes(2))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() ->
                                "SENT".equals(notification(jdbc, number).get("status")) && jobsOf(jdbc, number) == 0);
            }
        }

        List<MimeMessage> copies = acknowledgments(number, title);
        Map<String, Object> sent = notification(jdbc, number);
        String messageId = MessageIds.of((String) sent.get("id"), MESSAGE_ID_DOMAIN);
        assertThat(copies)
                .as("sent twice: the first copy may not be told from a refusal")
                .hasSize(2);
        assertThat(copies)
                .extracting(MailAfterACrashTest::messageId)
                .as("under one Message-ID, the notification's own")
                .containsExactly(messageId, messageId);
        assertThat(sent)
                .containsEntry("status", "SENT")
                .containsEntry("attempts", 2)
                .containsEntry("possible_repeats", 1)
                .containsEntry("sending", false)
                .containsEntry("message_id", messageId);
        assertThat(jdbc.sql("select description from case_event where case_reference = ? and event_type = ?")
                        .params(number, "NOTIFICATION_ACKNOWLEDGMENT")
                        .query(String.class)
                        .list())
                .containsExactly("Nouvel envoi du courriel « [" + number + "] Accusé de réception de votre dossier »"
                        + " à claire.martin@optronique-du-lac.example : un envoi précédent a pu aboutir"
                        + " (même identifiant de message)");

        // Nothing else happened twice: one dossier, one process, each step once, each other mail once.
        assertThat(jdbc.sql("select count(*) from dossier where project_title = ?")
                        .param(title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_hi_procinst where business_key_ = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select task_def_key_ from act_ru_task t join act_ru_execution e on t.proc_inst_id_ = e.id_"
                                + " where e.business_key_ = ?")
                        .param(number)
                        .query(String.class)
                        .list())
                .containsExactly("CheckCompleteness");
        assertThat(jdbc.sql("select count(*) from notification where dossier_number = ?")
                        .param(number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from act_ru_incident")
                        .query(Long.class)
                        .single())
                .isZero();
        Map<String, List<String>> messageIdsBySubject = mailsOf(number, title).stream()
                .collect(Collectors.groupingBy(
                        MailAfterACrashTest::subject,
                        Collectors.mapping(MailAfterACrashTest::messageId, Collectors.toList())));
        assertThat(messageIdsBySubject)
                .as("every mail of the dossier once, the acknowledgment's two copies under one Message-ID")
                .allSatisfy((subject, ids) -> assertThat(ids).containsOnly(ids.get(0)))
                .containsOnlyKeys("[" + number + "] Accusé de réception de votre dossier");
    }

    /**
     * The production profile on the crash database, the SMTP server behind the relay, demo users
     * (an SME to submit), a job lock of seconds so that the test need not wait 2 minutes, and
     * connections opened as needed (PostgreSQL's 100 are shared with other test runs).
     */
    private static Map<String, String> node(String database, SmtpRelay smtp, String lockTimeMillis) {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.profiles.active", "postgres");
        settings.put("DB_URL", database);
        settings.put("DB_USER", env("TEST_DB_USER", "postgres"));
        settings.put("DB_PASSWORD", env("TEST_DB_PASSWORD", ""));
        settings.put("SMTP_HOST", "127.0.0.1");
        settings.put("SMTP_PORT", String.valueOf(smtp.port()));
        settings.put("MAIL_MESSAGE_ID_DOMAIN", MESSAGE_ID_DOMAIN);
        settings.put("JOB_LOCK_TIME_MILLIS", lockTimeMillis);
        settings.put("rapid.demo.users", "true");
        settings.put("spring.datasource.hikari.minimum-idle", "2");
        settings.put("rapid.dashboard.weekly-summary.enabled", "false");
        return settings;
    }

    private static String submit(Http http, String title) {
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put("projectTitle", title);
        Http.Response created = http.post("pme-demo", "/api/dossiers", dossier);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("dossierNumber").asText();
    }

    private static Map<String, Object> notification(JdbcClient jdbc, String number) {
        return jdbc.sql("select * from notification where dossier_number = ? and template = 'ACKNOWLEDGMENT'")
                .param(number)
                .query()
                .singleRow();
    }

    private static long jobsOf(JdbcClient jdbc, String number) {
        return jdbc.sql("select count(*) from act_ru_job j join act_ru_execution e on j.process_instance_id_ = e.id_"
                        + " where e.business_key_ = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    private static List<MimeMessage> acknowledgments(String number, String title) throws Exception {
        return mailsOf(number, title).stream()
                .filter(mail -> subject(mail).endsWith("Accusé de réception de votre dossier"))
                .toList();
    }

    /**
     * The mails of this dossier (other applications of the test JVM number their dossiers alike,
     * in databases of their own: the title tells ours).
     */
    private static List<MimeMessage> mailsOf(String number, String title) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage message : TestSmtp.received()) {
            if (message.getSubject().startsWith("[" + number + "]")
                    && TestSmtp.part(message, "text/plain").contains(title)) {
                mails.add(message);
            }
        }
        return mails;
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
