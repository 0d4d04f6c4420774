package fr.defense.rapid.system;

import static fr.defense.rapid.support.TestDatabases.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.RapidBpmApplication;
import fr.defense.rapid.demo.DemoUsers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * The application as it is started for real, in its two configurations: the zero-setup default
 * ({@code ./mvnw spring-boot:run}: no profile, so the demo profile on an H2 file database) and the
 * production profile {@code postgres}. Runs in a JVM of its own (see the pom): stopping an
 * application clears the Camunda webapps' JVM-wide state, which the other applications of a
 * shared test JVM would still need.
 */
@Tag("startup")
class StartupProfilesTest {

    @TempDir
    Path dataDir;

    @Test
    void startsOnH2WithDemoUsersAndDossiersAndKeepsThemAcrossARestart() {
        try (ConfigurableApplicationContext app = start()) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(DemoUsers.USERS.size());
            // Tasklist's three filters, in every profile (staff.TasklistFilters).
            assertThat(engine.getFilterService().createFilterQuery().list())
                    .extracting(filter -> filter.getName())
                    .containsExactlyInAnyOrder("Tâches de mes groupes", "Mes tâches", "En retard");
            // The demo dossiers are walked to their stages by the job executor and the demo users.
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> count(app, "mediation_case") == 5
                            && engine.getTaskService()
                                            .createTaskQuery()
                                            .taskDefinitionKey("QualifyRequest")
                                            .count()
                                    == 2);
            assertThat(dossierCount(app)).isEqualTo(7);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("AcceptAgreement")
                            .count())
                    .isEqualTo(1);
            // The mediation at each level: to qualify (two, one contesting a RAPID rejection), level 1,
            // level 2, and one handed to the national mediator whose SME is asked to rate the service.
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("QualifyRequest")
                            .count())
                    .isEqualTo(2);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("ConductMediation")
                            .taskCandidateGroup("sme-correspondents")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("ConductMediation")
                            .taskCandidateGroup("ministry-mediators")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("RateService")
                            .count())
                    .isEqualTo(1);
            assertThat(count(app, "dossier where mediation_case_number is not null"))
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("CheckCompleteness")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("TechnicalEvaluation")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("CommitteeDecision")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("ProvideComplements")
                            .count())
                    .isEqualTo(1);

            // No SMTP server in the embedded default: the notifications are recorded and shown.
            String mails = rest(app)
                    .get()
                    .uri("/dev/mails")
                    .header(
                            "Authorization",
                            "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                    .retrieve()
                    .body(String.class);
            assertThat(mails).contains("Accusé de réception de votre dossier").contains("RECORDED");
            // Every SME's mails are there: administrators only.
            assertThat(mailboxStatus(app, null)).isEqualTo(401);
            assertThat(mailboxStatus(app, "pme-demo")).isEqualTo(403);
            // The webapps are served (REST and Tasklist use are covered by the PostgreSQL tests).
            String tasklist = rest(app)
                    .get()
                    .uri("/camunda/app/tasklist/default/")
                    .retrieve()
                    .body(String.class);
            assertThat(tasklist).contains("Tasklist");
        }

        try (ConfigurableApplicationContext restarted = start()) {
            ProcessEngine engine = restarted.getBean(ProcessEngine.class);
            assertThat(dossierCount(restarted))
                    .as("no second batch of demo dossiers")
                    .isEqualTo(7);
            assertThat(count(restarted, "mediation_case")).isEqualTo(5);
            assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(DemoUsers.USERS.size());
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskDefinitionKey("AcceptAgreement")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Test
    void productionProfileRunsOnPostgresqlFromTheEnvironmentWithoutDemoData() {
        // DB_URL, DB_USER and DB_PASSWORD as the environment would give them (a fresh database of this run).
        String url = "jdbc:postgresql://%s:%s/%s"
                .formatted(
                        env("TEST_DB_HOST", "127.0.0.1"),
                        env("TEST_DB_PORT", "5432"),
                        System.getProperty("rapid.test.app-db"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RapidBpmApplication.class)
                .run(
                        "--spring.profiles.active=postgres",
                        "--server.port=0",
                        "--DB_URL=" + url,
                        "--DB_USER=" + env("TEST_DB_USER", "postgres"),
                        "--DB_PASSWORD=" + env("TEST_DB_PASSWORD", ""),
                        "--ADMIN_USER=chief",
                        "--ADMIN_PASSWORD=s3cret-Initial")) {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            assertThat(jdbc.sql("select current_database()").query(String.class).single())
                    .isEqualTo(System.getProperty("rapid.test.app-db"));
            // No demo users: only the first administrator given by the environment.
            assertThat(engine.getIdentityService().createUserQuery().list())
                    .extracting(User::getId)
                    .containsExactly("chief");
            assertThat(engine.getIdentityService()
                            .createUserQuery()
                            .memberOfGroup("camunda-admin")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getIdentityService().checkPassword("chief", "s3cret-Initial"))
                    .isTrue();
            assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(3);
            assertThat(dossierCount(app)).isZero();
            // Our tables and Camunda's by versioned Flyway migrations (Camunda's: V7, from its own
            // scripts; the engine changes no schema in this profile), the models and forms deployed.
            assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
                            .query(String.class)
                            .list())
                    .containsSubsequence("1", "5", "6", "7", "11", "12");
            // V12: the bottleneck map's index on Camunda's activity history, made once V7 made the table.
            assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'act_hi_actinst_dashboard_idx'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select version_ from act_ge_schema_log order by timestamp_ desc limit 1")
                            .query(String.class)
                            .single())
                    .startsWith("7.24");
            assertThat(app.getEnvironment().getProperty("camunda.bpm.database.schema-update"))
                    .isEqualTo("false");
            assertThat(engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("rapid-subsidy")
                            .count())
                    .isEqualTo(1);
            assertThat(engine.getRepositoryService()
                            .createProcessDefinitionQuery()
                            .processDefinitionKey("mediation-escalation")
                            .count())
                    .isEqualTo(1);
            assertThat(count(app, "mediation_case")).isZero();
            // Category, eligibility, and the funding rate with its three parts (one DRD): one version each.
            assertThat(engine.getRepositoryService()
                            .createDecisionDefinitionQuery()
                            .list())
                    .extracting(definition -> definition.getKey())
                    .containsExactlyInAnyOrder(
                            "rapid-company-category",
                            "rapid-eligibility",
                            "rapid-funding-rate",
                            "rapid-funding-base-rate",
                            "rapid-funding-size-bonus",
                            "rapid-funding-collaboration-bonus");
        }
    }

    @Test
    void productionProfileRefusesToStartWithNobodyToAdministerIt() throws Exception {
        String database = "rapid_noadmin_test_" + ProcessHandle.current().pid();
        String server =
                "jdbc:postgresql://%s:%s/".formatted(env("TEST_DB_HOST", "127.0.0.1"), env("TEST_DB_PORT", "5432"));
        try (Connection connection = DriverManager.getConnection(
                        server + "postgres", env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
                Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("create database " + database);
        }
        String[] production = {
            "--spring.profiles.active=postgres",
            "--server.port=0",
            "--DB_URL=" + server + database,
            "--DB_USER=" + env("TEST_DB_USER", "postgres"),
            "--DB_PASSWORD=" + env("TEST_DB_PASSWORD", "")
        };

        assertThatThrownBy(() -> new SpringApplicationBuilder(RapidBpmApplication.class)
                        .run(production)
                        .close())
                .hasStackTraceContaining("ADMIN_USER and ADMIN_PASSWORD are not set");

        String[] weakPassword = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(production),
                        java.util.stream.Stream.of("--ADMIN_USER=chief", "--ADMIN_PASSWORD=motdepasse"))
                .toArray(String[]::new);
        assertThatThrownBy(() -> new SpringApplicationBuilder(RapidBpmApplication.class)
                        .run(weakPassword)
                        .close())
                .hasStackTraceContaining("Mot de passe refusé : il doit compter au moins 12 caractères");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RapidBpmApplication.class)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("rapid-bpm")
                                + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000",
                        "--server.port=0");
    }

    private static long dossierCount(ConfigurableApplicationContext app) {
        return count(app, "dossier");
    }

    private static long count(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcClient.class)
                .sql("select count(*) from " + table)
                .query(Long.class)
                .single();
    }

    private static int mailboxStatus(ConfigurableApplicationContext app, String user) {
        RestClient.RequestHeadersSpec<?> request = rest(app).get().uri("/dev/mails");
        if (user != null) {
            request = request.header(
                    "Authorization",
                    "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes()));
        }
        Integer status =
                request.exchange((sent, response) -> response.getStatusCode().value());
        return status;
    }

    private static RestClient rest(ConfigurableApplicationContext app) {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        return RestClient.create("http://localhost:" + port);
    }
}
