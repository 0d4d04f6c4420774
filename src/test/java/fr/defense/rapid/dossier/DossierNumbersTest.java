package fr.defense.rapid.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Dossier numbers are unique and well formed even when SMEs submit at the same moment, and no
 * submission waits for another's number (a sequence: numbers may have gaps, see CaseNumbers).
 */
@ProcessTest
class DossierNumbersTest {

    private static final int SUBMISSIONS = 24;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Test
    void concurrentSubmissionsGetDistinctNumbers() throws Exception {
        RapidProcess rapid = new RapidProcess(engine, attachments);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> numbers = new ArrayList<>();
            for (int i = 0; i < SUBMISSIONS; i++) {
                Callable<String> submit = () -> {
                    start.await();
                    return rapid.submit("pme-demo", SampleDossiers.smallCompany())
                            .getBusinessKey();
                };
                numbers.add(pool.submit(submit));
            }
            start.countDown();
            List<Integer> sequence = new ArrayList<>();
            for (Future<String> number : numbers) {
                String value = number.get();
                assertThat(value).matches("RAPID-\\d{4}-\\d{5}");
                sequence.add(Integer.parseInt(value.substring(value.lastIndexOf('-') + 1)));
            }
            assertThat(sequence).hasSize(SUBMISSIONS).doesNotHaveDuplicates().allMatch(n -> n >= 1);
        } finally {
            pool.shutdownNow();
        }
    }
}
