package fr.defense.rapid.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a user could change, read straight from the database: a checksum of every row of
 * every table of the engine's runtime, repository, identity and general data (variables, tasks,
 * identity links, executions, jobs, subscriptions, incidents, authorizations, filters, users,
 * memberships, deployments, byte arrays…) and of our own tables, the row count of every history
 * table, and the tasks row by row (so that a change of assignee reads as such). Two equal states
 * mean nothing was written in between. Left out: the engine's metrics, which it writes by itself
 * on a timer, the web sessions, which every signed-in request writes, and the account audit log, which
 * every login writes. One query per state, the checksums computed by PostgreSQL.
 */
public final class EngineState {

    private static final Set<String> WRITTEN_BY_THE_ENGINE_ITSELF = Set.of("act_ru_meter_log", "act_ru_task_meter_log");

    /** The web sessions (Spring Session JDBC): every request of a signed-in user writes its last access time. */
    private static final Set<String> SESSIONS = Set.of("spring_session", "spring_session_attributes");

    /** The account audit log: every login (a test's own sign-in included) adds a line. */
    private static final Set<String> LOGINS = Set.of("account_event");

    private static final String ROWS_SHOWN = "act_ru_task";

    private final JdbcTemplate jdbc;
    private final String checksums;
    private final String tasks;

    /** Reads the schema once: each row as {@code column=value|…}, binary columns as their MD5. */
    public EngineState(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        Map<String, List<String>> columns = new TreeMap<>();
        jdbc.query(
                "select table_name, column_name, data_type from information_schema.columns "
                        + "where table_schema = current_schema() order by table_name, ordinal_position",
                row -> {
                    String table = row.getString(1);
                    String column = row.getString(2);
                    String value = "bytea".equals(row.getString(3)) ? "md5(" + column + ")" : column + "::text";
                    columns.computeIfAbsent(table, t -> new ArrayList<>())
                            .add("'" + column + "=' || coalesce(" + value + ", 'null')");
                });
        List<String> parts = new ArrayList<>();
        columns.forEach((table, values) -> {
            if (WRITTEN_BY_THE_ENGINE_ITSELF.contains(table) || SESSIONS.contains(table) || LOGINS.contains(table)) {
                return;
            }
            String row = String.join(" || '|' || ", values);
            parts.add(
                    table.startsWith("act_hi_") || table.startsWith("flyway")
                            ? "select '" + table + " (rows)', count(*)::text from " + table
                            : "select '" + table + "', md5(coalesce(string_agg(" + row + ", E'\\n' order by " + row
                                    + "), '')) from " + table);
        });
        this.checksums = String.join(" union all ", parts);
        this.tasks = "select id_, " + String.join(" || '|' || ", columns.get(ROWS_SHOWN)) + " from " + ROWS_SHOWN;
    }

    /** Table → checksum (history tables: row count), and "act_ru_task <id>" → that task's row. */
    public Map<String, String> now() {
        Map<String, String> state = new TreeMap<>();
        jdbc.query(checksums, row -> {
            state.put(row.getString(1), row.getString(2));
        });
        jdbc.query(tasks, row -> {
            state.put(ROWS_SHOWN + " " + row.getString(1), row.getString(2));
        });
        return state;
    }

    /**
     * Where PostgreSQL's write-ahead log stands: every committed change of a table is logged there
     * first, so an unmoved position means nothing was written (a moved one may be noise: another
     * database, vacuum; {@link #now()} then tells).
     */
    public String writePosition() {
        return jdbc.queryForObject("select pg_current_wal_insert_lsn()::text", String.class);
    }

    /** The entries that differ, as "key: before → after", for a readable failure. */
    public static List<String> differences(Map<String, String> before, Map<String, String> after) {
        List<String> differences = new ArrayList<>();
        Map<String, String> all = new TreeMap<>(before);
        after.forEach(all::putIfAbsent);
        all.keySet().forEach(key -> {
            String was = before.get(key);
            String is = after.get(key);
            if (was == null ? is != null : !was.equals(is)) {
                differences.add(key + ": " + was + " → " + is);
            }
        });
        return differences;
    }
}
