package fr.defense.rapid.retention;

import fr.defense.rapid.system.EngineClock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes from our tables the files of the cases that ended longer ago than the retention period: a
 * dossier or a mediation case with everything that belongs to it (timeline, mails, attachments,
 * evaluations, actions, idempotency keys), then the drafts left untouched, the dashboard's export log
 * and weekly summaries of that age. A case whose process still runs (a rejection open to contest, a
 * survey not answered) is kept until it ends, and a contested dossier and its mediation case go
 * together, once both have expired. Open cases are never purged.
 *
 * <p>The one place that deletes from other modules' tables, on purpose: a file must go whole, in one
 * transaction per batch of cases, children before parents. Two nodes may run it at once: each batch
 * locks its cases first ({@code for update}), so the second waits, then finds them gone.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one purge removed. */
    public record Report(int dossiers, int cases, int drafts, int exports, int summaries, Duration took) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final RetentionSettings settings;

    RetentionPurge(JdbcClient jdbc, TransactionTemplate transactions, RetentionSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
    }

    /** Purges what ended more than the retention period before now (the engine clock). */
    public Report purgeExpired() {
        return purgeEndedBefore(EngineClock.now().minusDays(settings.days()));
    }

    Report purgeEndedBefore(OffsetDateTime cutoff) {
        long start = System.nanoTime();
        int dossiers = batches(() -> purge(DOSSIERS, cutoff));
        int cases = batches(() -> purge(MEDIATION_CASES, cutoff));
        int drafts = inTransaction(() -> purgeDrafts(cutoff));
        int exports = inTransaction(() -> jdbc.sql("delete from dashboard_export where exported_at < :cutoff")
                .param("cutoff", cutoff)
                .update());
        int summaries = inTransaction(() -> jdbc.sql("delete from dashboard_weekly_summary where week_start < :cutoff")
                .param("cutoff", cutoff.atZoneSameInstant(EngineClock.PARIS).toLocalDate())
                .update());
        Report report =
                new Report(dossiers, cases, drafts, exports, summaries, Duration.ofNanos(System.nanoTime() - start));
        log.info("Retention purge of what ended before {}: {}", cutoff, report);
        return report;
    }

    private interface Batch {
        int run();
    }

    /** Batch after batch, each in its own transaction, until one finds nothing more. */
    private int batches(Batch batch) {
        int total = 0;
        for (int removed = inTransaction(batch::run); removed > 0; removed = inTransaction(batch::run)) {
            total += removed;
        }
        return total;
    }

    private int inTransaction(Batch batch) {
        Integer removed = transactions.execute(status -> batch.run());
        return removed == null ? 0 : removed;
    }

    /**
     * A kind of case: its table and key, the other kind's cases it may be linked with (a contested dossier
     * and its mediation case: {@code o}, joined to this case {@code c}), and the tables of its file with
     * the column that names the case, children before the case's own row.
     */
    private record CaseKind(String table, String key, String linked, List<FileTable> file) {}

    private record FileTable(String table, String column) {}

    private static final CaseKind DOSSIERS = new CaseKind(
            "dossier",
            "dossier_number",
            "mediation_case o where o.dossier_number = c.dossier_number",
            List.of(
                    new FileTable("notification", "dossier_number"),
                    new FileTable("attachment", "dossier_number"),
                    new FileTable("evaluation", "dossier_number"),
                    new FileTable("case_event", "case_reference"),
                    new FileTable("idempotent_request", "case_reference")));

    private static final CaseKind MEDIATION_CASES = new CaseKind(
            "mediation_case",
            "case_number",
            "dossier o where o.dossier_number = c.dossier_number",
            List.of(
                    new FileTable("notification", "case_number"),
                    new FileTable("mediation_action", "case_number"),
                    new FileTable("case_event", "case_reference"),
                    new FileTable("idempotent_request", "case_reference")));

    /** One batch of a kind's expired cases, their process ended and their linked case expired too. */
    private int purge(CaseKind kind, OffsetDateTime cutoff) {
        List<String> expired = jdbc.sql("""
                select c.%1$s from %2$s c
                where c.closed_at < :cutoff
                  and not exists (select 1 from act_ru_execution e where e.business_key_ = c.%1$s)
                  and not exists (select 1 from %3$s and (o.closed_at is null or o.closed_at >= :cutoff))
                order by c.closed_at, c.%1$s
                limit :batch
                for update
                """.formatted(kind.key(), kind.table(), kind.linked()))
                .param("cutoff", cutoff)
                .param("batch", settings.purgeBatch())
                .query(String.class)
                .list();
        if (expired.isEmpty()) {
            return 0;
        }
        kind.file().forEach(child -> deleteWhere(child.table(), child.column(), expired));
        return deleteWhere(kind.table(), kind.key(), expired);
    }

    /** Drafts (and their files) nobody touched for the whole period: never submitted, abandoned. */
    private int purgeDrafts(OffsetDateTime cutoff) {
        List<String> owners = jdbc.sql("select owner_id from dossier_draft where updated_at < :cutoff for update")
                .param("cutoff", cutoff)
                .query(String.class)
                .list();
        if (owners.isEmpty()) {
            return 0;
        }
        deleteWhere("attachment", "draft_owner_id", owners);
        return deleteWhere("dossier_draft", "owner_id", owners);
    }

    /** Tables and columns are this class's constants, never input. */
    private int deleteWhere(String table, String column, List<String> values) {
        return jdbc.sql("delete from " + table + " where " + column + " in (:values)")
                .param("values", values)
                .update();
    }
}
