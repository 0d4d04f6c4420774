package fr.defense.rapid.system;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The time of the procedures: the engine's clock (process tests move it), counted in Paris, where
 * the ministry's days, months and years are. Timelines and API timestamps are in UTC.
 */
public final class EngineClock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private EngineClock() {}

    public static OffsetDateTime now() {
        return ClockUtil.getCurrentTime().toInstant().atOffset(ZoneOffset.UTC);
    }

    public static ZonedDateTime nowInParis() {
        return ClockUtil.getCurrentTime().toInstant().atZone(PARIS);
    }

    public static LocalDate today() {
        return nowInParis().toLocalDate();
    }

    /** An engine date (a due date, a creation time) as the API shows it. */
    public static OffsetDateTime utc(Date date) {
        return date == null ? null : date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
