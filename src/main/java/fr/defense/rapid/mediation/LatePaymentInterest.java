package fr.defense.rapid.mediation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What French law grants automatically when a public buyer pays late (docs/procedures.md §3): the global
 * payment period is 30 days from receipt of the invoice; from the next day until the payment
 * (included), interest runs at the ECB main refinancing rate in force on the first day of the
 * half-year in which it started to run, plus 8 points, pro rata of the days late over 365; plus
 * a flat 40 € recovery fee.
 */
final class LatePaymentInterest {

    public static final int PAYMENT_PERIOD_DAYS = 30;
    static final BigDecimal MARGIN_POINTS = new BigDecimal("8");
    static final BigDecimal RECOVERY_FEE_EUR = new BigDecimal("40");
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");

    /** The figure and how it was computed, to be shown to the SME and the correspondent. */
    public record Computation(
            LocalDate dueDate,
            long lateDays,
            LocalDate rateReferenceDate,
            BigDecimal ecbRatePercent,
            BigDecimal ratePercent,
            BigDecimal interestEur,
            BigDecimal recoveryFeeEur,
            BigDecimal lateInterestEur) {}

    private final EcbRates ecb;

    public LatePaymentInterest(EcbRates ecb) {
        this.ecb = ecb;
    }

    /** The first day an invoice may have been received for the rate table to apply to its delay. */
    public LocalDate earliestInvoiceReceivedOn() {
        LocalDate known = ecb.knownFrom();
        LocalDate halfYear = LocalDate.of(known.getYear(), known.getMonthValue() <= 6 ? 1 : 7, 1);
        LocalDate firstHalfYearCovered = halfYear.equals(known) ? known : halfYear.plusMonths(6);
        // Interest starts the day after the 30-day period: that day must fall in a covered half-year.
        return firstHalfYearCovered.minusDays(PAYMENT_PERIOD_DAYS + 1L);
    }

    /**
     * @param paidOn the payment date, or the day of the computation when not paid yet
     */
    public Computation compute(BigDecimal invoiceAmountEur, LocalDate invoiceReceivedOn, LocalDate paidOn) {
        LocalDate due = invoiceReceivedOn.plusDays(PAYMENT_PERIOD_DAYS);
        long lateDays = Math.max(0, ChronoUnit.DAYS.between(due, paidOn));
        if (lateDays == 0) {
            return new Computation(due, 0, null, null, null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        }
        LocalDate firstLateDay = due.plusDays(1);
        LocalDate halfYearStart = LocalDate.of(firstLateDay.getYear(), firstLateDay.getMonthValue() <= 6 ? 1 : 7, 1);
        BigDecimal ecbRate = ecb.ratePercentOn(halfYearStart);
        BigDecimal rate = ecbRate.add(MARGIN_POINTS);
        BigDecimal interest = invoiceAmountEur
                .multiply(rate)
                .multiply(BigDecimal.valueOf(lateDays))
                .divide(BigDecimal.valueOf(100).multiply(DAYS_PER_YEAR), 2, RoundingMode.HALF_UP);
        return new Computation(
                due,
                lateDays,
                halfYearStart,
                ecbRate,
                rate,
                interest,
                RECOVERY_FEE_EUR,
                interest.add(RECOVERY_FEE_EUR));
    }
}
