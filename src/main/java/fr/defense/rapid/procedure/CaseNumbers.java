package fr.defense.rapid.procedure;

import fr.defense.rapid.system.EngineClock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out {@code <PREFIX>-<year>-<5 digits>} (RAPID dossiers, mediation cases): unique, in the order
 * they are asked for, not gapless. A number is a value of the procedure's database sequence less its
 * year's offset ({@code case_number_counter}: the value just before the year's first number). A sequence
 * never waits for another transaction, so concurrent submissions are not serialised: the former counter
 * row, incremented inside the whole submission's transaction (process start, decision tables, inserts),
 * made each submission wait for the one before it to commit (issue 14). In exchange, a submission that
 * rolls back does not give its number back: numbers may have gaps.
 */
@Component
public class CaseNumbers {

    private static final int MAX_PER_YEAR = 99_999;

    /** Each procedure's sequence (V16). */
    private static final Map<Procedure, String> NEXT_VALUE = new EnumMap<>(Map.of(
            Procedure.RAPID, "select nextval('rapid_case_number')",
            Procedure.MEDIATION, "select nextval('mediation_case_number')"));

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    CaseNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public String next(Procedure procedure) {
        int year = EngineClock.nowInParis().getYear();
        long number = take(procedure, year);
        if (number > MAX_PER_YEAR) {
            throw new IllegalStateException(
                    "More than " + MAX_PER_YEAR + " numbers " + procedure.prefix() + " in " + year);
        }
        return format(procedure, year, number);
    }

    /**
     * {@code count} consecutive numbers of the year, for the seeder, which gives them itself in filing
     * order: the first one. Numbers given afterwards follow them. Only while nothing else numbers cases
     * of this procedure and year (the seeder runs alone): a number taken meanwhile could fall among them.
     */
    public long reserve(Procedure procedure, int year, int count) {
        long first = take(procedure, year);
        if (first + count - 1 > MAX_PER_YEAR) {
            throw new IllegalStateException(
                    "More than " + MAX_PER_YEAR + " numbers " + procedure.prefix() + " in " + year);
        }
        jdbc.sql("update case_number_counter set sequence_offset = sequence_offset - :taken"
                        + " where prefix = :prefix and counter_year = :year")
                .param("taken", count - 1)
                .param("prefix", procedure.prefix())
                .param("year", year)
                .update();
        return first;
    }

    public static String format(Procedure procedure, int year, long number) {
        return "%s-%d-%05d".formatted(procedure.prefix(), year, number);
    }

    private long take(Procedure procedure, int year) {
        // Twice at most: a value taken before another request made the year's offset from a later value
        // would give a number below 1; any value taken after that is above the offset.
        for (int attempt = 0; attempt < 3; attempt++) {
            long value = jdbc.sql(NEXT_VALUE.get(procedure)).query(Long.class).single();
            long number = value - offset(procedure, year, value);
            if (number > 0) {
                return number;
            }
        }
        throw new IllegalStateException("No number " + procedure.prefix() + " in " + year);
    }

    /**
     * The year's offset; the year's first number makes it from its own value, in a transaction of its own
     * (committed at once, so that another request's first number of the year finds it and waits for nothing).
     */
    private long offset(Procedure procedure, int year, long value) {
        Optional<Long> offset = storedOffset(procedure, year);
        if (offset.isPresent()) {
            return offset.get();
        }
        try {
            separateTransaction.executeWithoutResult(
                    status -> jdbc.sql("insert into case_number_counter (prefix, counter_year, sequence_offset)"
                                    + " values (:prefix, :year, :offset)")
                            .param("prefix", procedure.prefix())
                            .param("year", year)
                            .param("offset", value - 1)
                            .update());
            return value - 1;
        } catch (DuplicateKeyException alreadyMadeByAnotherRequest) {
            return storedOffset(procedure, year).orElseThrow();
        }
    }

    private Optional<Long> storedOffset(Procedure procedure, int year) {
        return jdbc.sql(
                        "select sequence_offset from case_number_counter where prefix = :prefix and counter_year = :year")
                .param("prefix", procedure.prefix())
                .param("year", year)
                .query(Long.class)
                .optional();
    }
}
