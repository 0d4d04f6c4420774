package fr.defense.rapid.system;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/** Amounts and dates as French readers expect them in mails, forms and case files. */
public final class FrenchFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRANCE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H 'h' mm", Locale.FRANCE);

    private FrenchFormat() {}

    public static String euros(Long amount) {
        return amount == null
                ? null
                : plainSpaces(NumberFormat.getIntegerInstance(Locale.FRANCE).format(amount)) + " €";
    }

    public static String euros(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return plainSpaces(format.format(amount)) + " €";
    }

    /** A rate in percent as written in French: 10,15 %. */
    public static String percent(BigDecimal rate) {
        if (rate == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(4);
        return plainSpaces(format.format(rate)) + " %";
    }

    /**
     * A file's size as French readers write it, in binary units: « 20 Mo », « 1,2 Mo », « 512 Ko »,
     * « 300 octets » (at most one decimal, dropped when it is zero).
     */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes > 1 ? " octets" : " octet");
        }
        double kilo = bytes / 1024.0;
        double value = kilo < 1024 ? kilo : kilo / 1024.0;
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return plainSpaces(format.format(value)) + (kilo < 1024 ? " Ko" : " Mo");
    }

    /** A whole number with French grouping: 1 250. */
    public static String number(Long value) {
        return value == null
                ? null
                : plainSpaces(NumberFormat.getIntegerInstance(Locale.FRANCE).format(value));
    }

    /** A day as a page writes it: 12 mars 2027 (1er for the first of the month). */
    public static String longDate(LocalDate day) {
        if (day == null) {
            return null;
        }
        String formatted = LONG_DATE.format(day);
        return day.getDayOfMonth() == 1 ? "1er" + formatted.substring(1) : formatted;
    }

    /** A moment, in Paris: 12 mars 2027 à 14 h 05. */
    public static String dateTime(OffsetDateTime at) {
        if (at == null) {
            return null;
        }
        ZonedDateTime paris = at.atZoneSameInstant(EngineClock.PARIS);
        return longDate(paris.toLocalDate()) + " à " + TIME.format(paris);
    }

    public static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    /** A due date of the engine, as a day in Paris. */
    public static String date(Date at) {
        return at == null ? null : DATE.format(at.toInstant().atZone(EngineClock.PARIS));
    }

    /**
     * A delay of the settings as a sentence says it: « 21 jours », « deux mois », « 1 an et 6 mois ».
     * Months are spelt out up to twelve, as the procedures' texts write them.
     */
    public static String period(Period period) {
        List<String> parts = new ArrayList<>();
        if (period.getYears() > 0) {
            parts.add(period.getYears() + (period.getYears() > 1 ? " ans" : " an"));
        }
        if (period.getMonths() > 0) {
            int months = period.getMonths();
            parts.add((months <= MONTHS.length ? MONTHS[months - 1] : String.valueOf(months)) + " mois");
        }
        if (period.getDays() > 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (period.getDays() > 1 ? " jours" : " jour"));
        }
        return String.join(" et ", parts);
    }

    /** A delay of the settings given as a duration: whole days as days, else hours. */
    public static String duration(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toSeconds() % 3600 == 0) {
            return period(Period.ofDays((int) duration.toDays()));
        }
        long hours = duration.toHours();
        return hours + (hours > 1 ? " heures" : " heure");
    }

    private static final String[] MONTHS = {
        "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"
    };

    /** French grouping uses narrow no-break spaces, which some mail clients and PDF fonts show badly. */
    private static String plainSpaces(String formatted) {
        return formatted.replaceAll("\\h", " ");
    }
}
