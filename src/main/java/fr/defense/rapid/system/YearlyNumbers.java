package fr.defense.rapid.system;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code <PREFIX>-<year>-<5 digits>} (RAPID dossiers, mediation cases). The counter row
 * of the year is incremented in the caller's transaction: its row lock makes concurrent requests
 * wait their turn, and a request that rolls back gives its number back.
 */
@Component
public class YearlyNumbers {

    private static final int MAX_PER_YEAR = 99_999;

    /** One counter table per sequence; the names are constants, never user input. */
    public enum Sequence {
        RAPID("RAPID", "dossier_number_counter"),
        MEDIATION("MED", "mediation_number_counter");

        private final String prefix;
        private final String table;

        Sequence(String prefix, String table) {
            this.prefix = prefix;
            this.table = table;
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    public YearlyNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(Sequence sequence) {
        int year = EngineClock.nowInParis().getYear();
        ensureCounterExists(sequence, year);
        jdbc.sql("update " + sequence.table + " set last_value = last_value + 1 where counter_year = :year")
                .param("year", year)
                .update();
        int value = jdbc.sql("select last_value from " + sequence.table + " where counter_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single();
        if (value > MAX_PER_YEAR) {
            throw new IllegalStateException("More than " + MAX_PER_YEAR + " numbers " + sequence.prefix + " in " + year);
        }
        return "%s-%d-%05d".formatted(sequence.prefix, year, value);
    }

    /** Created in its own transaction, so that two first requests of a year cannot collide. */
    private void ensureCounterExists(Sequence sequence, int year) {
        boolean exists = jdbc.sql("select count(*) from " + sequence.table + " where counter_year = :year")
                .param("year", year)
                .query(Integer.class)
                .single() > 0;
        if (exists) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("insert into " + sequence.table + " (counter_year, last_value) values (:year, 0)")
                    .param("year", year)
                    .update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherRequest) {
            // The other request created it first: nothing left to do.
        }
    }
}
