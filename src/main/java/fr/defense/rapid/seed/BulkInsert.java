package fr.defense.rapid.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Rows of one table written many at a time: multi-row {@code INSERT … VALUES (…), (…)} statements
 * of plain JDBC (PostgreSQL and H2 alike), each as many rows as the driver's 32,767 bind parameters
 * allow. Hundreds of thousands of rows go in seconds where one statement a row would take minutes.
 */
final class BulkInsert implements AutoCloseable {

    private static final int MAX_PARAMETERS = 30_000;

    private final DataSource dataSource;
    private final String table;
    private final List<String> columns;
    private final int rowsPerStatement;
    private final List<Object[]> pending = new ArrayList<>();
    private long written;
    private BulkInsert parent;

    BulkInsert(DataSource dataSource, String table, String... columns) {
        this.dataSource = dataSource;
        this.table = table;
        this.columns = List.of(columns);
        this.rowsPerStatement = Math.max(1, Math.min(1_000, MAX_PARAMETERS / columns.length));
    }

    /** Rows that refer to the parent's (a foreign key): its pending rows are written first. */
    BulkInsert after(BulkInsert parent) {
        this.parent = parent;
        return this;
    }

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    table + ": " + values.length + " values for " + columns.size() + " columns");
        }
        pending.add(values);
        if (pending.size() >= rowsPerStatement * 10) {
            flush();
        }
    }

    long written() {
        return written;
    }

    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        if (parent != null) {
            parent.flush();
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            for (int from = 0; from < pending.size(); from += rowsPerStatement) {
                List<Object[]> rows = pending.subList(from, Math.min(pending.size(), from + rowsPerStatement));
                try (PreparedStatement insert = connection.prepareStatement(sql(rows.size()))) {
                    int index = 1;
                    for (Object[] row : rows) {
                        for (Object value : row) {
                            insert.setObject(index++, value);
                        }
                    }
                    insert.executeUpdate();
                }
            }
            connection.commit();
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding " + table + " failed: " + e.getMessage(), e);
        }
        written += pending.size();
        pending.clear();
    }

    private String sql(int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(rows, row));
    }

    @Override
    public void close() {
        flush();
    }
}
