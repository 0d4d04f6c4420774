package fr.defense.rapid.mediation;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Working days in metropolitan France: Monday to Friday except the national public holidays.
 * The mediation service commits to answer within 15 working days.
 *
 * <p>The holidays come from Jollyday's maintained French calendar rather than a hand-typed list,
 * so that changes in the law (e.g. Whit Monday in 2004-2007) are picked up with the library.
 * Only the national level of the calendar is asked for: the Alsace-Moselle holidays (Good Friday,
 * 26 December) are regional and do not stop a national service's clock.
 */
public final class FrenchWorkingDays {

    /** Parsing the calendar is costly, the manager is immutable once built: share one. */
    private static final HolidayManager FRANCE =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.FRANCE));

    /** Each year is asked for once: deadlines are computed over and over around the same dates. */
    private static final Map<Integer, Set<LocalDate>> HOLIDAYS_BY_YEAR = new ConcurrentHashMap<>();

    private FrenchWorkingDays() {}

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
        return HOLIDAYS_BY_YEAR
                .computeIfAbsent(day.getYear(), FrenchWorkingDays::nationalPublicHolidays)
                .contains(day);
    }

    /**
     * No sub-region argument: only the holidays of the whole country, and only the official ones.
     * The actual date is the day off should a holiday ever be moved (France moves none today).
     */
    private static Set<LocalDate> nationalPublicHolidays(int year) {
        return FRANCE.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY).stream()
                .map(Holiday::getActualDate)
                .collect(Collectors.toUnmodifiableSet());
    }
}
