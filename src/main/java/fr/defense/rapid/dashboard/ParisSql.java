package fr.defense.rapid.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Period;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * SQL fragments for the Paris calendar, the same on PostgreSQL (tests, production) and H2 (the
 * demo). Months, days and the 4-month target are Paris ones, whatever the server's time zone.
 *
 * <p>{@code col at time zone 'Europe/Paris'} is the Paris wall-clock time on PostgreSQL. H2 keeps
 * the offset instead and converts any cast to its session's zone, so there the wall-clock time is
 * read off the value's text ({@code 2026-03-01 00:30:00+01}), which H2 writes in Paris time.
 */
@Component
class ParisSql {

    private final boolean h2;

    ParisSql(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            this.h2 = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase()
                    .contains("h2");
        }
    }

    /** The Paris wall-clock time (a timestamp without time zone) of a {@code timestamp with time zone} column. */
    String local(String column) {
        return h2
                ? "cast(substring(cast(" + column
                        + " at time zone 'Europe/Paris' as varchar) from 1 for 19) as timestamp)"
                : "(" + column + " at time zone 'Europe/Paris')";
    }

    /** The Paris day of a {@code timestamp with time zone} column. */
    String day(String column) {
        return "cast(" + local(column) + " as date)";
    }

    /** Days (with decimals, 86,400 s each) from one instant column to another, as a double. */
    static String days(String from, String to) {
        return "(cast(extract(epoch from " + to + ") - extract(epoch from " + from + ") as double precision) / 86400)";
    }

    /** A settings period as an SQL interval, to add to a wall-clock time (months first, as java.time does). */
    static String interval(Period period) {
        return "interval '" + period.toTotalMonths() + "' month + interval '" + period.getDays() + "' day";
    }
}
