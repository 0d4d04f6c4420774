package fr.defense.rapid.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Hand-computed cases of the late-payment interest (30-day period, ECB rate + 8 points, 40 € fee). */
class LatePaymentInterestTest {

    private final LatePaymentInterest interest = new LatePaymentInterest(EcbRates.bundled());

    @Test
    void paymentOnDayThirtyIsOnTime() {
        var result = interest.compute(new BigDecimal("10000"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

        assertThat(result.dueDate()).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(result.lateDays()).isZero();
        assertThat(result.lateInterestEur()).isEqualByComparingTo("0");
        assertThat(interest.compute(new BigDecimal("10000"), LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 1))
                        .lateDays())
                .isEqualTo(1);
    }

    @Test
    void daysLateCountTheTwentyNinthOfFebruaryOfALeapYear() {
        // Received 10/01/2024, due 09/02/2024, paid 10/03/2024: 20 days of February 2024 + 10 = 30.
        // Interest started in H1 2024: ECB rate on 01/01/2024 = 4.50 %, + 8 = 12.50 %.
        // 10 000 × 12.50 % × 30 / 365 = 102.739… → 102.74 €, + 40 € = 142.74 €.
        var result = interest.compute(new BigDecimal("10000"), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 3, 10));

        assertThat(result.lateDays()).isEqualTo(30);
        assertThat(result.rateReferenceDate()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(result.ecbRatePercent()).isEqualByComparingTo("4.50");
        assertThat(result.ratePercent()).isEqualByComparingTo("12.50");
        assertThat(result.interestEur()).isEqualByComparingTo("102.74");
        assertThat(result.lateInterestEur()).isEqualByComparingTo("142.74");
    }

    @Test
    void aDelaySpanningTwoHalfYearsKeepsTheRateOfTheHalfYearWhereItStarted() {
        // Received 20/05/2024, due 19/06/2024, paid 18/08/2024: 11 + 31 + 18 = 60 days.
        // Started in H1 2024 (4.50 %, not July's 4.25 %): 8 000 × 12.50 % × 60 / 365 = 164.383… → 164.38 €.
        var result = interest.compute(new BigDecimal("8000"), LocalDate.of(2024, 5, 20), LocalDate.of(2024, 8, 18));

        assertThat(result.lateDays()).isEqualTo(60);
        assertThat(result.ratePercent()).isEqualByComparingTo("12.50");
        assertThat(result.lateInterestEur()).isEqualByComparingTo("204.38");
    }

    @Test
    void interestStartingInTheSecondHalfYearTakesTheRateOfFirstJuly() {
        // Received 15/06/2025, due 15/07/2025, first late day 16/07/2025: ECB rate on 01/07/2025 = 2.15 %.
        // 12 000 × 10.15 % × 30 / 365 = 100.109… → 100.11 €, + 40 € = 140.11 €.
        var result = interest.compute(new BigDecimal("12000"), LocalDate.of(2025, 6, 15), LocalDate.of(2025, 8, 14));

        assertThat(result.rateReferenceDate()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(result.ratePercent()).isEqualByComparingTo("10.15");
        assertThat(result.lateInterestEur()).isEqualByComparingTo("140.11");
    }

    @Test
    void theRateTableIsData() {
        EcbRates edited = EcbRates.read(new ByteArrayInputStream("""
                effective_from,rate_percent
                2020-01-01,1.00
                2024-01-01,2.00
                """.getBytes(StandardCharsets.UTF_8)));
        var result = new LatePaymentInterest(edited)
                .compute(new BigDecimal("10000"), LocalDate.of(2024, 1, 10), LocalDate.of(2024, 3, 10));

        assertThat(result.ratePercent()).isEqualByComparingTo("10.00");
    }

    @Test
    void theEarliestInvoiceIsTheOneWhoseDelayStartsInTheFirstHalfYearTheTableCovers() {
        // The bundled table starts on 16/03/2016: the first half-year it covers from its first day
        // is July 2016; interest starting on 01/07/2016 means an invoice received 31 days before.
        LatePaymentInterest bundled = new LatePaymentInterest(EcbRates.bundled());
        assertThat(bundled.earliestInvoiceReceivedOn()).isEqualTo(LocalDate.of(2016, 5, 31));
        assertThat(bundled.compute(new BigDecimal("1000"), LocalDate.of(2016, 5, 31), LocalDate.of(2016, 7, 1))
                        .rateReferenceDate())
                .isEqualTo(LocalDate.of(2016, 7, 1));

        // A table starting on the first day of a half-year covers that half-year.
        EcbRates fromJanuary =
                EcbRates.read(new ByteArrayInputStream("2020-01-01,1.00\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(new LatePaymentInterest(fromJanuary).earliestInvoiceReceivedOn())
                .isEqualTo(LocalDate.of(2019, 12, 1));
    }
}
