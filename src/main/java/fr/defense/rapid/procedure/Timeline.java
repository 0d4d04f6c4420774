package fr.defense.rapid.procedure;

import static fr.defense.rapid.system.EngineClock.now;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happened to a case and when, in plain French (the {@code case_event} table), for dossiers and
 * mediation cases alike. Written by the procedure's own steps and by the notifications (a mail
 * sent), in the caller's transaction; read by the SME API and the case files.
 */
@Component
public class Timeline {

    /**
     * An entry holds {@value} characters, as much as the longest text a form accepts; one that quotes
     * such a text in full (a failure report, the measures agreed) is cut there, marked with "…",
     * rather than failing the step.
     */
    public static final int DESCRIPTION_LENGTH = 4000;

    private final JdbcClient jdbc;

    Timeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String caseReference, String eventType, String description) {
        String fitting = description.length() <= DESCRIPTION_LENGTH
                ? description
                : description.substring(0, cut(description, DESCRIPTION_LENGTH - 1)) + "…";
        jdbc.sql("""
                insert into case_event (case_reference, occurred_at, event_type, description)
                values (:reference, :at, :type, :description)
                """)
                .param("reference", caseReference)
                .param("at", now())
                .param("type", eventType)
                .param("description", fitting)
                .update();
    }

    /** Where to cut before {@code limit} without splitting a character written as two UTF-16 units. */
    private static int cut(String text, int limit) {
        return Character.isLowSurrogate(text.charAt(limit)) ? limit - 1 : limit;
    }

    /** The case's entries, oldest first. */
    public List<TimelineEntry> of(String caseReference) {
        return jdbc.sql("""
                select occurred_at, event_type, description from case_event
                where case_reference = :reference order by occurred_at, id
                """)
                .param("reference", caseReference)
                .query((rs, i) -> new TimelineEntry(
                        rs.getObject("occurred_at", OffsetDateTime.class),
                        rs.getString("event_type"),
                        rs.getString("description")))
                .list();
    }
}
