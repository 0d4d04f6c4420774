package fr.defense.rapid.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The 15-working-day commitment of the mediation service, around French public holidays.
 * Easter 2026 is Sunday 05/04, so Good Friday is 03/04, Easter Monday 06/04, Ascension (+39) 14/05
 * and Whit Monday (+50) 25/05.
 */
class FrenchWorkingDaysTest {

    @Test
    void aRequestFiledTheDayBeforeAscensionSkipsAscensionAndWhitMonday() {
        // Filed Wednesday 13/05/2026, not counted. Thursday 14/05 Ascension: skipped.
        // Fri 15 = 1; Mon 18..Fri 22 = 2..6; Mon 25 Whit Monday: skipped; Tue 26..Fri 29 = 7..10;
        // Mon 01/06..Fri 05/06 = 11..15 -> Friday 05/06/2026.
        assertThat(FrenchWorkingDays.plusWorkingDays(LocalDate.of(2026, 5, 13), 15))
                .isEqualTo(LocalDate.of(2026, 6, 5));
    }

    @Test
    void aRequestFiledOnChristmasEveSkipsChristmasAndNewYear() {
        // Filed Thursday 24/12/2026, not counted. Friday 25/12 Christmas: skipped (26-27 weekend).
        // Mon 28..Thu 31 = 1..4; Friday 01/01/2027: skipped; Mon 04..Fri 08 = 5..9;
        // Mon 11..Fri 15 = 10..14; Mon 18 = 15 -> Monday 18/01/2027.
        assertThat(FrenchWorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 24), 15))
                .isEqualTo(LocalDate.of(2027, 1, 18));
    }

    @Test
    void nationalHolidaysAreNotWorkingDays() {
        // Each of these falls on a weekday in 2026, so only the holiday can make it a day off.
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 7, 14))).isFalse(); // Tuesday, national day
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 1))).isFalse(); // Friday, Labour Day
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 8))).isFalse(); // Friday, Victory in Europe
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25)))
                .isFalse(); // Monday, Whit Monday (Easter + 50)
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).isFalse(); // Monday, Easter Monday
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 11))).isFalse(); // Wednesday, Armistice
        assertThat(FrenchWorkingDays.isPublicHoliday(LocalDate.of(2026, 5, 14)))
                .isTrue(); // Thursday, Ascension (Easter + 39)
    }

    @Test
    void weekendsAreNotWorkingDaysButAreNoHolidays() {
        // 27/11/2026 is a Friday, 28 and 29 the weekend after it; no holiday near.
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 27))).isTrue();
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 28))).isFalse();
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 11, 29))).isFalse();
        assertThat(FrenchWorkingDays.isPublicHoliday(LocalDate.of(2026, 11, 28)))
                .isFalse();
    }

    @Test
    void alsaceMoselleHolidaysAreWorkingDaysForTheNationalService() {
        // Good Friday 03/04/2026 (Easter 05/04 - 2) and Friday 26/12/2025 are off only in
        // Bas-Rhin, Haut-Rhin and Moselle; the mediation service counts national holidays only.
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(FrenchWorkingDays.isWorkingDay(LocalDate.of(2025, 12, 26))).isTrue();
    }
}
