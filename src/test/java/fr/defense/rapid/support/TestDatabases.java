package fr.defense.rapid.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Gives every test run fresh PostgreSQL databases of its own, created before the first test
 * (names carry the test JVM's pid, so that two runs on one machine never share or drop each
 * other's):
 * <ul>
 *   <li>{@code rapid_test_<pid>} serves the running application (job executor on);</li>
 *   <li>{@code rapid_process_test_<pid>} serves the process tests, which drive jobs and the clock
 *       themselves and must not share an engine database with a running job executor.</li>
 * </ul>
 * Their names reach Spring as the system properties {@code rapid.test.app-db} and
 * {@code rapid.test.process-db}. They outlive the run (the application contexts still use them
 * while the JVM shuts down) and are dropped by the next run, once their pid is gone.
 */
public class TestDatabases implements LauncherSessionListener {

    private static final String APP_PREFIX = "rapid_test_";
    private static final String PROCESS_PREFIX = "rapid_process_test_";

    private final String appDb = APP_PREFIX + ProcessHandle.current().pid();
    private final String processDb = PROCESS_PREFIX + ProcessHandle.current().pid();

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        run(sql -> {
            for (String leftover : leftovers(sql)) {
                sql.execute("drop database if exists " + leftover + " with (force)");
            }
            for (String database : List.of(appDb, processDb)) {
                sql.execute("drop database if exists " + database + " with (force)");
                sql.execute("create database " + database);
            }
        });
        System.setProperty("rapid.test.app-db", appDb);
        System.setProperty("rapid.test.process-db", processDb);
    }

    /** Test databases whose run is over: no live process has their pid. */
    private static List<String> leftovers(Statement sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("select datname from pg_database where datname like 'rapid\\_%test\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String pid = name.substring(name.lastIndexOf('_') + 1);
                if (pid.matches("\\d+") && !Files.exists(Path.of("/proc", pid))) {
                    result.add(name);
                }
            }
        }
        return result;
    }

    private interface SqlWork {
        void run(Statement sql) throws SQLException;
    }

    private static void run(SqlWork work) {
        String url = "jdbc:postgresql://%s:%s/postgres".formatted(
                env("TEST_DB_HOST", "127.0.0.1"), env("TEST_DB_PORT", "5432"));
        try (Connection connection = DriverManager.getConnection(url, env("TEST_DB_USER", "postgres"),
                env("TEST_DB_PASSWORD", ""));
             Statement sql = connection.createStatement()) {
            work.run(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("The tests need PostgreSQL at " + url
                    + " (see README, Tests): " + e.getMessage(), e);
        }
    }

    /** An environment setting of the test databases, or its default. */
    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
