package fr.defense.rapid.dashboard;

import fr.defense.rapid.system.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One column of an export: its data-dictionary key (the header, stable for scripts), its French
 * label (the XLSX's dictionary sheet), the SQL column it reads and the kind of value it holds.
 */
record ExportColumn(String key, String label, String sqlColumn, Kind kind) {

    /** What a value is, which says how each format writes it. */
    enum Kind {
        /** Typed by a person (a company name): may start with a formula sign. */
        TEXT,
        /** A data-dictionary code or a reference (APPROVED, RAPID-2026-00042). */
        CODE,
        INTEGER,
        /** Whole euros. */
        EUROS,
        /** Euros and cents. */
        CENTS,
        /** A rate, as a decimal (0.70). */
        RATE,
        BOOLEAN,
        DATE,
        /** An instant, exported as the Paris date and time. */
        TIMESTAMP
    }

    static ExportColumn of(String key, String label, String sqlColumn, Kind kind) {
        return new ExportColumn(key, label, sqlColumn, kind);
    }

    /** The row's value, typed by kind: String, Long, BigDecimal, Boolean, LocalDate, LocalDateTime or null. */
    Object read(ResultSet row) throws SQLException {
        Object value = switch (kind) {
            case TEXT, CODE -> row.getString(sqlColumn);
            case INTEGER, EUROS -> row.getLong(sqlColumn);
            case CENTS, RATE -> row.getBigDecimal(sqlColumn);
            case BOOLEAN -> row.getBoolean(sqlColumn);
            case DATE -> row.getObject(sqlColumn, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime instant = row.getObject(sqlColumn, OffsetDateTime.class);
                yield instant == null
                        ? null
                        : instant.atZoneSameInstant(EngineClock.PARIS).toLocalDateTime();
            }
        };
        return row.wasNull() ? null : value;
    }
}
