package fr.defense.rapid.dashboard;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code dashboard_export} table: every export, written when it ends (with the rows it gave),
 * and an application log line. The time is the wall clock, not the engine's: this is an audit of
 * when a person took the data, which a moved engine clock (tests, simulations) must not shift.
 */
@Repository
class ExportLog {

    private static final Logger log = LoggerFactory.getLogger(ExportLog.class);

    /** One export, as {@code GET /dashboard/api/exports} shows it. */
    record Entry(
            long id,
            OffsetDateTime exportedAt,
            String userId,
            String export,
            String format,
            LocalDate from,
            LocalDate to,
            String stage,
            String region,
            String category,
            long rowCount,
            boolean completed) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    ExportLog(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void record(
            String user,
            DashboardExports.Export export,
            String format,
            DashboardFilter filter,
            long rows,
            boolean completed) {
        log.info(
                "Dashboard export {}.{} by {} with {}: {} rows{}",
                export.slug(),
                format,
                user,
                filter.asParameters(),
                rows,
                completed ? "" : " (broken off)");
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        insert into dashboard_export (exported_at, user_id, export_name, export_format, period_from,
                          period_to, stage, region, category, row_count, completed)
                        values (:at, :user, :export, :format, :from, :to, :stage, :region, :category, :rows, :completed)
                        """)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC))
                .param("user", user)
                .param("export", export.name())
                .param("format", format.toUpperCase(java.util.Locale.ROOT))
                .param("from", filter.from())
                .param("to", filter.to())
                .param("stage", filter.stage())
                .param("region", filter.region())
                .param("category", filter.category())
                .param("rows", rows)
                .param("completed", completed)
                .update());
    }

    /** The latest exports, newest first. */
    List<Entry> latest(int limit) {
        return jdbc.sql("""
                        select id, exported_at, user_id, export_name, export_format, period_from, period_to, stage,
                          region, category, row_count, completed
                        from dashboard_export order by exported_at desc, id desc limit :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getObject("exported_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        rs.getString("user_id"),
                        rs.getString("export_name"),
                        rs.getString("export_format"),
                        rs.getObject("period_from", LocalDate.class),
                        rs.getObject("period_to", LocalDate.class),
                        rs.getString("stage"),
                        rs.getString("region"),
                        rs.getString("category"),
                        rs.getLong("row_count"),
                        rs.getBoolean("completed")))
                .list();
    }
}
