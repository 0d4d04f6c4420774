package fr.defense.rapid.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * How long a finished dossier or mediation case is kept, and when the expired ones are removed
 * ({@code rapid.retention.*}), checked at start-up.
 *
 * @param period        how long a case is kept after its end (a ministry keeps grant files 10 years: P10Y),
 *                      in the engine's history and in our tables alike
 * @param nightly       whether the engine's cleanup and our purge run by themselves (off in the tests,
 *                      which run them by hand on the engine clock)
 * @param purgeCron     when our tables are purged, in Paris time (Spring's six fields)
 * @param purgeBatch    how many cases one purge transaction removes
 * @param engineCleanup the engine's history cleanup
 * @param variableDetails whether the engine's history keeps every value of every variable ({@code
 *                      ACT_HI_DETAIL}) rather than each variable's last value only (see {@link
 *                      VariableDetailsHistory})
 */
@ConfigurationProperties("rapid.retention")
@Validated
public record RetentionSettings(
        @NotNull Period period,
        boolean nightly,
        @NotBlank String purgeCron,
        @Min(1) @Max(10_000) int purgeBatch,
        @NotNull @Valid EngineCleanup engineCleanup,
        boolean variableDetails) {

    /** Camunda's history time to live is a whole number of days: at most this many. */
    static final Period LONGEST = Period.ofYears(100);

    /**
     * The engine's history cleanup, every night in its window (Paris time).
     *
     * @param windowStart         when the engine may start removing expired history
     * @param windowEnd           when it stops until the next night
     * @param degreeOfParallelism how many cleanup jobs run at once (Camunda allows 1 to 8)
     */
    public record EngineCleanup(
            @NotNull LocalTime windowStart,
            @NotNull LocalTime windowEnd,
            @Min(1) @Max(8) int degreeOfParallelism) {

        @AssertTrue(message = "rapid.retention.engine-cleanup.window-end must differ from window-start")
        boolean isWindowOpen() {
            return windowStart == null || !windowStart.equals(windowEnd);
        }
    }

    @AssertTrue(
            message = "rapid.retention.period must be positive, without negative parts, and no longer than P100Y"
                    + " (e.g. P10Y)")
    boolean isPeriodSensible() {
        return period == null
                || (!period.isZero()
                        && period.getYears() >= 0
                        && period.getMonths() >= 0
                        && period.getDays() >= 0
                        && period.toTotalMonths() * 31 + period.getDays() <= LONGEST.getYears() * 366L);
    }

    @AssertTrue(message = "rapid.retention.purge-cron must be a Spring cron expression (six fields)")
    boolean isPurgeCronValid() {
        return purgeCron == null || CronExpression.isValidExpression(purgeCron);
    }

    /**
     * The period in days, as the engine counts its time to live: the longest the period can last on
     * the calendar (P10Y: 3,653 days, three leap days), so that nothing goes before the period is over.
     * Our tables count the same days, so that a case leaves both at once.
     */
    public int days() {
        // 2000 to 2099: a leap year every four years; starting on each day of four years finds the longest.
        LocalDate first = LocalDate.of(2000, 1, 1);
        long longest = 0;
        for (LocalDate start = first; start.isBefore(first.plusYears(4)); start = start.plusDays(1)) {
            longest = Math.max(longest, ChronoUnit.DAYS.between(start, start.plus(period)));
        }
        return Math.toIntExact(longest);
    }
}
