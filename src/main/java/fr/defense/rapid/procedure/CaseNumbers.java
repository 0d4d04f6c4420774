package fr.defense.rapid.procedure;

import fr.defense.rapid.system.EngineClock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code <PREFIX>-<year>-<5 digits>} (RAPID dossiers, mediation cases). The counter row
 * of the procedure and year ({@code case_number_counter}) is incremented in the caller's
 * transaction: its row lock makes concurrent requests wait their turn, and a request that rolls
 * back gives its number back.
 */
@Component
public class CaseNumbers {

    private static final int MAX_PER_YEAR = 99_999;

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(Procedure procedure) {
        int year = EngineClock.nowInParis().getYear();
        ensureCounterExists(procedure, year);
        jdbc.sql(
                        "update case_number_counter set last_value = last_value + 1 where prefix = :prefix and counter_year = :year")
                .param("prefix", procedure.prefix())
                .param("year", year)
                .update();
        int value = jdbc.sql(
                        "select last_value from case_number_counter where prefix = :prefix and counter_year = :year")
                .param("prefix", procedure.prefix())
                .param("year", year)
                .query(Integer.class)
                .single();
        if (value > MAX_PER_YEAR) {
            throw new IllegalStateException(
                    "More than " + MAX_PER_YEAR + " numbers " + procedure.prefix() + " in " + year);
        }
        return "%s-%d-%05d".formatted(procedure.prefix(), year, value);
    }

    /** Created in its own transaction, so that two first requests of a year cannot collide. */
    private void ensureCounterExists(Procedure procedure, int year) {
        boolean exists =
                jdbc.sql("select count(*) from case_number_counter where prefix = :prefix and counter_year = :year")
                                .param("prefix", procedure.prefix())
                                .param("year", year)
                                .query(Integer.class)
                                .single()
                        > 0;
        if (exists) {
            return;
        }
        try {
            separateTransaction.executeWithoutResult(status -> jdbc.sql(
                            "insert into case_number_counter (prefix, counter_year, last_value) values (:prefix, :year, 0)")
                    .param("prefix", procedure.prefix())
                    .param("year", year)
                    .update());
        } catch (DuplicateKeyException alreadyCreatedByAnotherRequest) {
            // The other request created it first: nothing left to do.
        }
    }
}
