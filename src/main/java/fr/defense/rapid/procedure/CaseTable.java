package fr.defense.rapid.procedure;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The table of a procedure's cases as both procedures read it: one case by its reference, an
 * owner's cases page by page (newest first), and the case's timeline. A procedure's repository
 * extends it with its own columns and writes. Table and column names are the subclass's constants,
 * never user input.
 */
public abstract class CaseTable<C extends OwnedCases.OwnedCase> implements OwnedCases<C> {

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final String table;
    private final String referenceColumn;
    private final String filedColumn;
    private final RowMapper<C> rows;

    protected CaseTable(
            JdbcClient jdbc,
            Timeline timeline,
            String table,
            String referenceColumn,
            String filedColumn,
            RowMapper<C> rows) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.table = table;
        this.referenceColumn = referenceColumn;
        this.filedColumn = filedColumn;
        this.rows = rows;
    }

    @Override
    public Optional<C> find(String reference) {
        return jdbc.sql("select * from " + table + " where " + referenceColumn + " = :reference")
                .param("reference", reference)
                .query(rows)
                .optional();
    }

    @Override
    public List<C> findByOwners(Collection<String> ownerIds, int page, int size) {
        return jdbc.sql("select * from " + table + " where owner_id in (:owners) order by " + filedColumn + " desc, "
                        + referenceColumn + " desc limit :size offset :offset")
                .param("owners", ownerIds)
                .param("size", size)
                .param("offset", (long) page * size)
                .query(rows)
                .list();
    }

    @Override
    public long countByOwners(Collection<String> ownerIds) {
        return jdbc.sql("select count(*) from " + table + " where owner_id in (:owners)")
                .param("owners", ownerIds)
                .query(Long.class)
                .single();
    }

    /** An entry of the case's timeline; a text longer than an entry holds is cut (see {@link Timeline}). */
    public void addEvent(String reference, String type, String description) {
        timeline.record(reference, type, description);
    }

    public List<TimelineEntry> timeline(String reference) {
        return timeline.of(reference);
    }
}
