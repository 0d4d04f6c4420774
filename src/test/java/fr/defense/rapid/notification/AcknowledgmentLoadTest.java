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
 * sending as it would in production: at the end exactly 200 acknowledgments were delivered, none
 * twice. Incidents left by the outage are resolved as an operator would once SMTP is back.
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
    void twoHundredAcknowledgmentsArriveExactlyOnceDespiteAnSmtpOutage() throws Exception {
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
                    return acknowledgmentsFor(numbers, marker).size() >= DOSSIERS;
                });
        List<String> acknowledged = acknowledgmentsFor(numbers, marker);
        long retried = jdbc.sql("select count(*) from notification where template = 'ACKNOWLEDGMENT' and attempts > 1"
                        + " and dossier_number in (:numbers)")
                .param("numbers", numbers)
                .query(Long.class)
                .single();
        System.out.printf(
                "Load: %d dossiers, %d acknowledgments delivered in %.1f s, %d of them after a failed attempt%n",
                DOSSIERS, acknowledged.size(), (System.nanoTime() - started) / 1e9, retried);
        assertThat(retried).as("some sends met the outage").isPositive();

        assertThat(acknowledged).hasSize(DOSSIERS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(acknowledged)).isEqualTo(numbers);
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
     * The dossier numbers of the acknowledgments received for these dossiers, one per mail (the
     * other application of the test JVM numbers its own dossiers alike: the marker tells ours).
     */
    private static List<String> acknowledgmentsFor(Set<String> numbers, String marker) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (MimeMessage message : TestSmtp.received()) {
            String subject = message.getSubject();
            if (subject.endsWith("Accusé de réception de votre dossier")) {
                String number = subject.substring(1, subject.indexOf(']'));
                if (numbers.contains(number)
                        && TestSmtp.part(message, "text/plain").contains(marker)) {
                    acknowledged.add(number);
                }
            }
        }
        return acknowledged;
    }
}
