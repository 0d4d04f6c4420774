package fr.defense.rapid.procedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.defense.rapid.system.CamundaSchemaMigrations;
import fr.defense.rapid.system.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What both procedures share, on PostgreSQL and our Flyway schema only (a data slice: no engine,
 * no web server; each test rolls back, but for what numbering commits at once: sequence values and a
 * year's offset): numbering, idempotent requests, the timeline.
 */
@Tag("data")
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
// Camunda's schema migration (V7) too: Flyway must know every version the database has taken.
@Import({CaseNumbers.class, IdempotentRequests.class, Timeline.class, CamundaSchemaMigrations.class})
class ProcedureCoreDataTest {

    @Autowired
    CaseNumbers numbers;

    @Autowired
    IdempotentRequests requests;

    @Autowired
    Timeline timeline;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void eachProcedureNumbersItsCasesInItsOwnSequence() {
        String first = numbers.next(Procedure.RAPID);
        String second = numbers.next(Procedure.RAPID);
        String mediation = numbers.next(Procedure.MEDIATION);

        assertThat(first).matches("RAPID-\\d{4}-\\d{5}");
        assertThat(sequence(second)).isEqualTo(sequence(first) + 1);
        assertThat(mediation).matches("MED-\\d{4}-\\d{5}");
        assertThat(CaseReference.of(mediation))
                .get()
                .extracting(CaseReference::procedure)
                .isEqualTo(Procedure.MEDIATION);
        assertThat(CaseReference.of("autre-clé")).isEmpty();
    }

    @Test
    void aNewYearStartsAtOneAndConcurrentRequestsGetDistinctNumbers() throws Exception {
        // The sequence is far along (the other tests' numbers): the year's offset takes it back to 1.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2091-03-01T10:00:00Z")));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> taken = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                // Each thread outside the test's transaction: its own connection, no wait on any other.
                taken.add(clients.submit(() -> {
                    start.await();
                    return numbers.next(Procedure.MEDIATION);
                }));
            }
            start.countDown();
            List<Integer> sequences = new ArrayList<>();
            for (Future<String> number : taken) {
                assertThat(number.get()).matches("MED-2091-\\d{5}");
                sequences.add(sequence(number.get()));
            }
            assertThat(sequences).doesNotHaveDuplicates().contains(1).allMatch(n -> n >= 1);
        } finally {
            clients.shutdownNow();
            ClockUtil.reset();
        }
    }

    @Test
    void aNumberTakenByARolledBackRequestIsNotGivenAgain() {
        String before = numbers.next(Procedure.RAPID);
        String rolledBack = inOwnTransactionRolledBack(() -> numbers.next(Procedure.RAPID));
        String after = numbers.next(Procedure.RAPID);

        // Numbers may have gaps (README): the rolled-back request's number stays unused.
        assertThat(sequence(rolledBack)).isEqualTo(sequence(before) + 1);
        assertThat(sequence(after)).isEqualTo(sequence(before) + 2);
    }

    @Test
    void theSeederReservesConsecutiveNumbersThatLaterOnesFollow() {
        long first = numbers.reserve(Procedure.RAPID, 2093, 500);

        assertThat(first).isEqualTo(1);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2093-06-01T10:00:00Z")));
        try {
            assertThat(numbers.next(Procedure.RAPID)).isEqualTo("RAPID-2093-00501");
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aKeyServesOnceAndIsRefusedWithOtherValues() {
        AtomicInteger created = new AtomicInteger();
        Map<String, Object> values = Map.of("projectTitle", "Caméra infrarouge");

        IdempotentRequests.Outcome firstTime = requests.once(
                Procedure.RAPID, "pme-demo", "clé-1", values, () -> "RAPID-2026-0000" + created.incrementAndGet());
        IdempotentRequests.Outcome again = requests.once(
                Procedure.RAPID, "pme-demo", "clé-1", values, () -> "RAPID-2026-0000" + created.incrementAndGet());

        assertThat(firstTime.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.reference()).isEqualTo(firstTime.reference());
        assertThat(created).hasValue(1);
        assertThatThrownBy(() -> requests.once(
                        Procedure.RAPID,
                        "pme-demo",
                        "clé-1",
                        Map.of("projectTitle", "Autre"),
                        () -> "RAPID-2026-09999"))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("a déjà servi au dossier " + firstTime.reference());
        // Another procedure, or another SME, has keys of its own.
        assertThat(requests.once(Procedure.MEDIATION, "pme-demo", "clé-1", values, () -> "MED-2026-00001")
                        .created())
                .isTrue();
        assertThat(requests.once(Procedure.RAPID, "pme-other", "clé-1", values, () -> "RAPID-2026-00002")
                        .created())
                .isTrue();
    }

    @Test
    void theTimelineKeepsItsOrderAndCutsWhatItCannotHold() {
        timeline.record("MED-2026-00042", "FILED", "Demande enregistrée.");
        timeline.record("MED-2026-00042", "ACTION", "x".repeat(Timeline.DESCRIPTION_LENGTH + 10));
        timeline.record("RAPID-2026-00042", "SUBMITTED", "Dossier déposé.");

        assertThat(timeline.of("MED-2026-00042"))
                .extracting(TimelineEntry::eventType)
                .containsExactly("FILED", "ACTION");
        String cut = timeline.of("MED-2026-00042").get(1).description();
        assertThat(cut).hasSize(Timeline.DESCRIPTION_LENGTH).endsWith("…");
    }

    private String inOwnTransactionRolledBack(java.util.function.Supplier<String> work) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return own.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private static int sequence(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }
}
