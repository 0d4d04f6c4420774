package fr.defense.rapid.dossier;

import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code RAPID-<year>-<5 digits>}. The counter row of the year is incremented in the
 * caller's transaction: its row lock makes concurrent submissions wait their turn, and a
 * submission that rolls back gives its number back.
 */
@Component
public class DossierNumbers {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final int MAX_PER_YEAR = 99_999;

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public DossierNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next() {
        int year = ClockUtil.getCurrentTime().toInstant().atZone(PARIS).getYear();
        ensureCounterExists(year);
        jdbc.sql("update dossier_number_counter set last_value = last_value + 1 where counter_year = :year")
                .param("year", year)
                .update();
        int value = jdbc.sql("select last_value from dossier_number_counter where counter_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single();
        if (value > MAX_PER_YEAR) {
            throw new IllegalStateException("More than " + MAX_PER_YEAR + " RAPID dossiers in " + year);
        }
        return "RAPID-%d-%05d".formatted(year, value);
    }

    /** Created in its own transaction, so that two first submissions of a year cannot collide. */
    private void ensureCounterExists(int year) {
        boolean exists = jdbc.sql("select count(*) from dossier_number_counter where counter_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single() > 0;
        if (exists) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into dossier_number_counter (counter_year, last_value) values (:year, 0)")
                    .param("year", year)
                    .update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherSubmission) {
            // The other submission created it first: nothing left to do.
        }
    }
}
