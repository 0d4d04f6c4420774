package fr.defense.rapid.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Where the engine does not manage its own schema ({@code camunda.bpm.database.schema-update:
 * false}, the {@code postgres} profile), Camunda's schema is created and upgraded by versioned
 * Flyway migrations, from the SQL scripts Camunda ships in its engine jar: every change to the
 * database is a numbered, recorded step, run once, before the engine starts. A Camunda upgrade adds
 * the next version, running Camunda's {@code db/upgrade/postgres_engine_<from>_to_<to>.sql}.
 *
 * <p>The migrations are registered in every profile (they do nothing where the engine manages its
 * schema, as on the embedded H2 default and in the tests), so that their versions are taken
 * everywhere: a {@code V7__….sql} of ours would collide in every test run, not first in production.
 */
@Configuration
public class CamundaSchemaMigrations {

    @Bean
    FlywayConfigurationCustomizer camundaSchema(Environment environment) {
        boolean ownedByFlyway = "false".equals(environment.getProperty("camunda.bpm.database.schema-update", "true"));
        // One call: each javaMigrations(...) replaces the list of the one before.
        return configuration -> configuration.javaMigrations(
                new V7__Camunda_7_24_schema(ownedByFlyway),
                new V12__Activity_history_index_for_dashboard(),
                new V13_1__Authorization_statistics_for_task_lists());
    }

    /**
     * Camunda 7.24's schema, as its create scripts make it. A database whose engine created its
     * tables itself (the default before this migration) is adopted as it is.
     */
    static class V7__Camunda_7_24_schema extends BaseJavaMigration {

        private final boolean ownedByFlyway;

        V7__Camunda_7_24_schema(boolean ownedByFlyway) {
            this.ownedByFlyway = ownedByFlyway;
        }

        private static final List<String> PARTS = List.of(
                "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

        @Override
        public void migrate(Context context) throws SQLException {
            Connection connection = context.getConnection();
            if (!ownedByFlyway || exists(connection, "act_ge_property")) {
                return;
            }
            for (String part : PARTS) {
                ScriptUtils.executeSqlScript(
                        connection,
                        new ClassPathResource(
                                "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }
    }

    /**
     * The managers' bottleneck map reads the activities that ended in a period, per process version
     * and activity type, with their durations (dashboard.ProcessOverlays): this index answers it from
     * the index alone (1.2 s → 0.1 s at 100,000 dossiers, docs/performance.md). On Camunda's table, so
     * only where it exists when Flyway runs (the {@code postgres} profile, after V7, or a database
     * whose engine made its tables before); where the engine creates its tables after Flyway (the
     * embedded default's first start, the tests), the version is taken and nothing is done.
     */
    static class V12__Activity_history_index_for_dashboard extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws SQLException {
            Connection connection = context.getConnection();
            if (!exists(connection, "act_hi_actinst") && !exists(connection, "ACT_HI_ACTINST")) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create index if not exists act_hi_actinst_dashboard_idx on ACT_HI_ACTINST"
                        + " (PROC_DEF_ID_, ACT_TYPE_, END_TIME_, ACT_ID_, DURATION_, PROC_INST_ID_)");
            }
        }
    }

    /**
     * A staff task list (Tasklist's filters, {@code GET /engine-rest/task?candidateGroup=…}) joins each
     * candidate task to the authorizations that let the user read it: Camunda tests the permission bits
     * as {@code PERMS_ & 2 = 2} (READ on a task) and {@code PERMS_ & 64 = 64} (READ_TASK on a process
     * definition), which PostgreSQL estimates at 0.5 % of the rows without statistics on those
     * expressions, while every task's own grant has them: it then compares each task with every grant
     * (1.6 s for 2,700 tasks of a group at 100,000 dossiers) instead of looking each task's grant up
     * (65 ms, docs/performance.md « Lists and retention »). Statistics on the two expressions (PostgreSQL
     * 14 or later) give the planner the true counts. Only where the table exists when Flyway runs, as V12.
     */
    static class V13_1__Authorization_statistics_for_task_lists extends BaseJavaMigration {

        @Override
        public void migrate(Context context) throws SQLException {
            Connection connection = context.getConnection();
            if (!exists(connection, "act_ru_authorization")
                    || !"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())
                    || connection.getMetaData().getDatabaseMajorVersion() < 14) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("create statistics if not exists act_ru_authorization_read_stat"
                        + " on (perms_ & 2) from act_ru_authorization");
                statement.execute("create statistics if not exists act_ru_authorization_read_task_stat"
                        + " on (perms_ & 64) from act_ru_authorization");
                statement.execute("analyze act_ru_authorization");
            }
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (ResultSet tables =
                connection.getMetaData().getTables(null, connection.getSchema(), table, new String[] {"TABLE"})) {
            return tables.next();
        }
    }

    /** The engine starts once the database is migrated (Flyway before the process engine). */
    public static class EngineAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {
        @Override
        protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
            return Set.of(ProcessEngineFactoryBean.class);
        }
    }
}
