package fr.defense.rapid.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code dashboard_weekly_summary} table: one row per week, inserted once (its primary key is
 * the week's Monday), claimed for a while by the node that sends it, marked SENT once the SMTP
 * server accepted it. Each write commits on its own, as the notification table's do. Claims use
 * the wall clock: they coordinate real nodes, whatever the engine clock says.
 */
@Repository
class WeeklySummaryStore {

    enum Status {
        /** Not yet accepted by the SMTP server (being sent, or to be retried). */
        PENDING,
        SENT,
        /** No SMTP server configured, or no manager with an address: kept here, not sent. */
        RECORDED
    }

    record Summary(
            LocalDate weekStart, Status status, int attempts, String recipients, String subject, String lastError) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    WeeklySummaryStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Creates the week's row if no node did yet (the second of two concurrent inserts meets the key). */
    void createIfAbsent(LocalDate monday) {
        try {
            ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                            insert into dashboard_weekly_summary (week_start, status, attempts, created_at)
                            select :week, :status, 0, :now where not exists
                              (select 1 from dashboard_weekly_summary where week_start = :week)
                            """)
                    .param("week", monday)
                    .param("status", Status.PENDING.name())
                    .param("now", now())
                    .update());
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            // The row exists: that is all this method promises.
        }
    }

    /**
     * Takes the week's summary for {@code lease}, if it is still to send and nobody holds it: the
     * row's lock makes one of two concurrent claims win, the other updates nothing.
     */
    boolean claim(LocalDate monday, Duration lease) {
        OffsetDateTime now = now();
        return ownTransaction.execute(tx -> jdbc.sql("""
                                update dashboard_weekly_summary set claimed_until = :until, attempts = attempts + 1
                                where week_start = :week and status = :pending
                                  and (claimed_until is null or claimed_until < :now)
                                """)
                        .param("until", now.plus(lease))
                        .param("week", monday)
                        .param("pending", Status.PENDING.name())
                        .param("now", now)
                        .update())
                == 1;
    }

    void delivered(LocalDate monday, Status status, String recipients, String subject, String text, String note) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update dashboard_weekly_summary set status = :status, recipients = :recipients,
                          subject = :subject, body_text = :text, last_error = :note, sent_at = :now,
                          claimed_until = null
                        where week_start = :week
                        """)
                .param("status", status.name())
                .param("recipients", cut(recipients, 2000))
                .param("subject", cut(subject, 300))
                .param("text", cut(text, 8000))
                .param("note", note)
                .param("now", now())
                .param("week", monday)
                .update());
    }

    /** The attempt failed: released at once, for the next retry (on this node or another). */
    void failed(LocalDate monday, String error) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql(
                        "update dashboard_weekly_summary set last_error = :error, claimed_until = null where week_start = :week")
                .param("error", cut(String.valueOf(error), 2000))
                .param("week", monday)
                .update());
    }

    /** The weeks whose summary is still to send and free to claim. */
    List<LocalDate> pending() {
        return jdbc.sql("""
                        select week_start from dashboard_weekly_summary
                        where status = :pending and (claimed_until is null or claimed_until < :now)
                        order by week_start
                        """)
                .param("pending", Status.PENDING.name())
                .param("now", now())
                .query(LocalDate.class)
                .list();
    }

    Optional<Summary> find(LocalDate monday) {
        return jdbc.sql("""
                        select week_start, status, attempts, recipients, subject, last_error
                        from dashboard_weekly_summary where week_start = :week
                        """).param("week", monday).query(Summary.class).optional();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
