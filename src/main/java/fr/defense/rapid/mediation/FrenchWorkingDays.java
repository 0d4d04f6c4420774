package fr.defense.rapid.mediation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days in metropolitan France: Monday to Friday except the eleven public holidays
 * (fixed ones, and Easter Monday, Ascension Thursday and Whit Monday, which follow Easter).
 * The mediation service commits to answer within 15 working days.
 */
public final class FrenchWorkingDays {

    private FrenchWorkingDays() {
    }

    /** The day {@code days} working days after {@code from} (which itself is not counted). */
    public static LocalDate plusWorkingDays(LocalDate from, int days) {
        LocalDate day = from;
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !isPublicHoliday(day);
    }

    public static boolean isPublicHoliday(LocalDate day) {
        int year = day.getYear();
        LocalDate easter = easterSunday(year);
        Set<LocalDate> holidays = Set.of(
                LocalDate.of(year, 1, 1), easter.plusDays(1), LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 8),
                easter.plusDays(39), easter.plusDays(50), LocalDate.of(year, 7, 14), LocalDate.of(year, 8, 15),
                LocalDate.of(year, 11, 1), LocalDate.of(year, 11, 11), LocalDate.of(year, 12, 25));
        return holidays.contains(day);
    }

    /** Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
