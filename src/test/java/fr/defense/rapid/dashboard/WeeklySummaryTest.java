package fr.defense.rapid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.dashboard.WeeklySummary.Outcome;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.demo.SamplePieces;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.LiveTasks;
import fr.defense.rapid.support.RapidProcess;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The managers' weekly summary as GreenMail receives it. A week of 2001 that no other test uses:
 * the engine clock is set back there while a dossier reaches its technical evaluation (due on the
 * week's Wednesday, never done) and a mediation case gets its first contact a day late; then the
 * summary of that week, called as the Monday cron would, lists both with links that work, and a
 * second call sends nothing. Two nodes firing at once send one mail; an SMTP outage loses none.
 */
@AppTest
class WeeklySummaryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String MANAGER_MAIL = "mission.achats@defense.example";
    private static final String PORTAL = "http://localhost:8080";

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    WeeklySummary summary;

    @Autowired
    WeeklySummaryStore store;

    LiveTasks live;

    @BeforeEach
    void setUp() {
        live = new LiveTasks(engine, attachments);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
        TestSmtp.start();
    }

    @Test
    void theManagerLearnsTheOverdueTaskAndTheMissedCommitmentsOfTheWeekOnce() throws Exception {
        LocalDate monday = LocalDate.of(2001, 3, 5);
        // An evaluation asked for 21 days before the week's Wednesday, never done.
        clock(monday.minusDays(19), 10);
        ProcessInstance dossier = live.start(RapidProcess.KEY, SampleDossiers.smallCompany());
        SamplePieces.attachAll(attachments, dossier.getBusinessKey());
        live.complete("secretariat", live.awaitTask(dossier, "CheckCompleteness"), SampleDossiers.completeness(true));
        Task evaluation = live.awaitTask(dossier, "TechnicalEvaluation");
        // A mediation request filed a week before the week's Tuesday, its first contact made on Thursday.
        clock(monday.minusDays(6), 9);
        ProcessInstance mediation = live.start(RapidProcess.MEDIATION_KEY, SampleMediations.contractDispute());
        live.complete("correspondent", live.awaitTask(mediation, "QualifyRequest"), SampleMediations.admissible());
        Task contact = live.awaitTask(mediation, "ContactSme");
        clock(monday.plusDays(3), 11);
        live.complete("correspondent", contact, SampleMediations.firstContact(monday.plusDays(3)));
        ClockUtil.reset();

        assertThat(summary.send(monday)).isEqualTo(Outcome.SENT);

        MimeMessage mail = single("Synthèse de la semaine du 5 mars 2001 au 11 mars 2001");
        assertThat(Arrays.stream(mail.getRecipients(MimeMessage.RecipientType.TO))
                        .map(Address::toString))
                .contains(MANAGER_MAIL);
        String text = TestSmtp.part(mail, "text/plain");
        String html = TestSmtp.part(mail, "text/html");
        String dossierNumber = dossier.getBusinessKey();
        String caseNumber = mediation.getBusinessKey();
        assertThat(text)
                .contains("Évaluation technique sous 21 jours : " + dossierNumber
                        + ", échéance du 7 mars 2001, toujours en attente.")
                .contains("Premier contact avec l'entreprise sous 7 jours : " + caseNumber
                        + ", échéance du 6 mars 2001, faite le 8 mars 2001.")
                .contains(PORTAL + "/camunda/app/tasklist/default/#/?task=" + evaluation.getId())
                .contains(PORTAL + "/staff/dossiers/" + dossierNumber)
                .contains(PORTAL + "/staff/mediations/" + caseNumber)
                .contains(PORTAL + "/dashboard");
        assertThat(text.substring(text.indexOf("TÂCHES EN RETARD")))
                .as("the evaluation is overdue too")
                .contains(dossierNumber)
                .contains("échéance du 7 mars 2001");
        assertThat(text).doesNotContain("Réponse à la demande de médiation");

        // The links lead somewhere, for a manager.
        List<String> links = links(html);
        assertThat(links)
                .contains(
                        PORTAL + "/camunda/app/tasklist/default/#/?task=" + evaluation.getId(),
                        PORTAL + "/staff/dossiers/" + dossierNumber,
                        PORTAL + "/staff/mediations/" + caseNumber,
                        PORTAL + "/dashboard");
        Http http = new Http(port);
        for (String link : links) {
            if (link.contains("/staff/") || link.endsWith("/dashboard")) {
                Http.Response page = http.get("manager", link.substring(PORTAL.length()));
                assertThat(page.status()).as(link).isEqualTo(200);
            }
        }
        assertThat(http.get("manager", "/staff/dossiers/" + dossierNumber).body())
                .contains(dossierNumber);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(evaluation.getId())
                        .count())
                .as("the Tasklist link names an open task")
                .isEqualTo(1);

        // The cron of a second node, or a second call: nothing more.
        assertThat(summary.send(monday)).isEqualTo(Outcome.ALREADY_CLAIMED);
        assertThat(received("Synthèse de la semaine du 5 mars 2001")).hasSize(1);
        assertThat(store.find(monday).orElseThrow().status()).isEqualTo(WeeklySummaryStore.Status.SENT);
    }

    @Test
    void twoNodesFiringAtOnceSendOneMail() throws Exception {
        LocalDate monday = LocalDate.of(2001, 1, 1);

        List<Outcome> outcomes = simultaneously(4, () -> summary.send(monday));

        assertThat(outcomes).filteredOn(Outcome.SENT::equals).hasSize(1);
        assertThat(outcomes).filteredOn(Outcome.ALREADY_CLAIMED::equals).hasSize(3);
        MimeMessage mail = single("Synthèse de la semaine du 1er janvier 2001 au 7 janvier 2001");
        assertThat(mail.getMessageID())
                .as("the week's own Message-ID, the same on every attempt")
                .startsWith("<weekly-summary.2001-01-01@")
                .endsWith(">");
        assertThat(TestSmtp.part(mail, "text/plain"))
                .contains("Aucun : toutes les échéances de la semaine ont été tenues.");
    }

    @Test
    void aSummaryTheSmtpServerRefusedIsSentByTheRetryOnce() throws Exception {
        LocalDate monday = LocalDate.of(2001, 1, 15);
        live.awaitQuiet();
        TestSmtp.stop();
        try {
            assertThat(summary.send(monday)).isEqualTo(Outcome.FAILED);
            assertThat(store.find(monday).orElseThrow().status()).isEqualTo(WeeklySummaryStore.Status.PENDING);
            assertThat(summary.send(monday))
                    .as("a summary still to send is the retries' business, not a second cron's")
                    .isIn(Outcome.FAILED, Outcome.ALREADY_CLAIMED);
        } finally {
            TestSmtp.start();
        }

        summary.retryPending();

        assertThat(store.find(monday).orElseThrow().status()).isEqualTo(WeeklySummaryStore.Status.SENT);
        assertThat(received("Synthèse de la semaine du 15 janvier 2001")).hasSize(1);
        summary.retryPending();
        assertThat(received("Synthèse de la semaine du 15 janvier 2001")).hasSize(1);
    }

    @Test
    void lastWeekIsTheWeekBeforeTheEngineClocksMonday() {
        clock(LocalDate.of(2001, 3, 12), 8);
        assertThat(WeeklySummary.lastWeek()).isEqualTo(LocalDate.of(2001, 3, 5));
        clock(LocalDate.of(2001, 3, 18), 23);
        assertThat(WeeklySummary.lastWeek()).isEqualTo(LocalDate.of(2001, 3, 5));
    }

    private static void clock(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(
                LocalDateTime.of(day, LocalTime.of(hour, 0)).atZone(PARIS).toInstant()));
    }

    private static MimeMessage single(String subject) throws MessagingException {
        List<MimeMessage> mails = received(subject);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private static List<MimeMessage> received(String subject) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage mail : TestSmtp.received()) {
            if (mail.getSubject() != null && mail.getSubject().contains(subject)) {
                found.add(mail);
            }
        }
        return found;
    }

    private static List<String> links(String html) throws IOException {
        List<String> links = new ArrayList<>();
        Matcher href = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        while (href.find()) {
            links.add(href.group(1).replace("&amp;", "&"));
        }
        return links;
    }

    private static <T> List<T> simultaneously(int count, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
