package fr.defense.rapid.system;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;

/** Amounts and dates as French readers expect them in mails, forms and case files. */
public final class FrenchFormat {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FrenchFormat() {
    }

    public static String euros(Long amount) {
        return amount == null ? null : plainSpaces(NumberFormat.getIntegerInstance(Locale.FRANCE).format(amount)) + " €";
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

    public static String date(LocalDate day) {
        return day == null ? null : DATE.format(day);
    }

    /** A due date of the engine, as a day in Paris. */
    public static String date(Date at) {
        return at == null ? null : DATE.format(at.toInstant().atZone(EngineClock.PARIS));
    }

    /** French grouping uses narrow no-break spaces, which some mail clients and PDF fonts show badly. */
    private static String plainSpaces(String formatted) {
        return formatted.replaceAll("\\h", " ");
    }
}
