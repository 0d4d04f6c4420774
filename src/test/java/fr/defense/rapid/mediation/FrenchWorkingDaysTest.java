package fr.defense.rapid.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 15-working-day commitment of the mediation service, around French public holidays. */
class FrenchWorkingDaysTest {

    @ParameterizedTest
    @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2027, 2027-03-28"})
    void easterSundayIsComputed(int year, LocalDate easter) {
        assertThat(FrenchWorkingDays.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void aRequestFiledTheDayBeforeAscensionSkipsAscensionAndWhitMonday() {
        // Wednesday 13/05/2026; Ascension Thursday 14/05, Whit Monday 25/05.
        assertThat(FrenchWorkingDays.plusWorkingDays(LocalDate.of(2026, 5, 13), 15)).isEqualTo(LocalDate.of(2026, 6, 5));
    }

    @Test
    void aRequestFiledOnChristmasEveSkipsChristmasAndNewYear() {
        // Thursday 24/12/2026; 25/12 and 01/01/2027 are Fridays.
        assertThat(FrenchWorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 24), 15)).isEqualTo(LocalDate.of(2027, 1, 18));
    }

    @Test
    void weekendsAndTheElevenHolidaysAreNotWorkingDays() {
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();  // a Friday
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse(); // Saturday
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse();  // Tuesday, national day
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse();   // Easter Monday
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 8))).isFalse();   // Friday, 8 May
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 11))).isFalse(); // Wednesday, Armistice
    }
}
