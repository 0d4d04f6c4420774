package fr.defense.rapid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 200 dossiers submitted while the SMTP server goes down for part of the run, the job executor
 * sending as it would in production: at the end every dossier was acknowledged under one
 * Message-ID. A server stopped in the middle of a conversation may have stored a mail whose sender
 * then saw an error: the retry is a repeat SMTP cannot rule out, and it carries the first copy's
 * Message-ID (mail servers and clients drop it), so no dossier ever gets two different
 * acknowledgments. Incidents left by the outage are resolved as an operator would once SMTP is back.
 */
@AppTest
class AcknowledgmentLoadTest {

    private static final int DOSSIERS = 200;

    @Autowired
    RuntimeService runtime;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDossierIsAcknowledgedUnderOneMessageIdDespiteAnSmtpOutage() throws Exception {
        String marker = "Charge " + UUID.randomUUID().toString().substring(0, 8);
        Set<String> numbers = new HashSet<>();
        List<String> instances = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int i = 0; i < DOSSIERS; i++) {
                if (i == 60) {
                    TestSmtp.stop();
                }
                if (i == 140) {
                    // Keep SMTP down until the outage has really been felt by a send.
                    await().atMost(Duration.ofSeconds(30)).until(() -> failedSends(numbers) > 0);
                    TestSmtp.start();
                }
                Map<String, Object> values = SampleDossiers.smallCompany();
                values.put("projectTitle", marker + " n° " + i);
                identity.setAuthentication("pme-demo", List.of("sme"));
                try {
                    var instance = runtime.startProcessInstanceByKey("rapid-subsidy", values);
                    numbers.add(instance.getBusinessKey());
                    instances.add(instance.getId());
                } finally {
                    identity.clearAuthentication();
                }
            }
        } finally {
            TestSmtp.start();
        }

        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    resolveIncidents(instances);
                    return acknowledgmentsFor(numbers, marker).keySet().equals(numbers);
                });
        Map<String, List<String>> messageIds = acknowledgmentsFor(numbers, marker);
        List<String> retriedDossiers = acknowledgmentNotifications("attempts > 1", numbers);
        List<String> possibleRepeats = acknowledgmentNotifications("possible_repeats > 0", numbers);
        long copies = messageIds.values().stream().mapToLong(List::size).sum();
        System.out.printf(
                "Load: %d dossiers, %d acknowledgments received in %.1f s, %d dossiers after a failed attempt,"
                        + " %d repeated copies%n",
                DOSSIERS, copies, (System.nanoTime() - started) / 1e9, retriedDossiers.size(), copies - DOSSIERS);
        assertThat(retriedDossiers).as("some sends met the outage").isNotEmpty();

        assertThat(messageIds.keySet()).isEqualTo(numbers);
        messageIds.forEach((number, ids) -> {
            assertThat(new HashSet<>(ids)).as("Message-IDs of %s", number).hasSize(1);
            if (ids.size() > 1) {
                assertThat(possibleRepeats)
                        .as("%s received twice: its mail log says it may have been repeated", number)
                        .contains(number);
            }
        });
    }

    private List<String> acknowledgmentNotifications(String condition, Set<String> numbers) {
        return jdbc.sql("select dossier_number from notification where template = 'ACKNOWLEDGMENT' and " + condition
                        + " and dossier_number in (:numbers)")
                .param("numbers", numbers)
                .query(String.class)
                .list();
    }

    private long failedSends(Set<String> numbers) {
        return numbers.isEmpty()
                ? 0
                : jdbc.sql("select count(*) from notification where last_error is not null"
                                + " and dossier_number in (:numbers)")
                        .param("numbers", numbers)
                        .query(Long.class)
                        .single();
    }

    /** Once SMTP is back, the operator sets the retries of the failed jobs again (Cockpit's "retry"). */
    private void resolveIncidents(List<String> instances) {
        for (Job job : management.createJobQuery().noRetriesLeft().list()) {
            if (instances.contains(job.getProcessInstanceId())) {
                management.setJobRetries(job.getId(), 1);
            }
        }
    }

    /**
     * The Message-IDs of the acknowledgments received for these dossiers, by dossier number, one per
     * mail received (the other application of the test JVM numbers its own dossiers alike: the
     * marker tells ours).
     */
    private static Map<String, List<String>> acknowledgmentsFor(Set<String> numbers, String marker) throws Exception {
        Map<String, List<String>> acknowledged = new TreeMap<>();
        for (MimeMessage message : TestSmtp.received()) {
            String subject = message.getSubject();
            if (subject.endsWith("Accusé de réception de votre dossier")) {
                String number = subject.substring(1, subject.indexOf(']'));
                if (numbers.contains(number)
                        && TestSmtp.part(message, "text/plain").contains(marker)) {
                    acknowledged.computeIfAbsent(number, n -> new ArrayList<>()).add(message.getMessageID());
                }
            }
        }
        return acknowledged;
    }
}
