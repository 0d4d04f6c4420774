package fr.defense.rapid.security;

import static fr.defense.rapid.support.TestDatabases.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.RapidBpmApplication;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.WebappSession;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of a cluster on one database, as a load balancer without sticky sessions would use
 * them: a session opened on one node (the portal's form login, the Camunda webapps' login) is
 * served by the other, its CSRF token still valid for a write, its logout and its expiry seen by
 * both. Sessions live in the database (Spring Session JDBC, V14); without that, node B would not
 * know node A's session and answer 401 or send to the login page.
 * <p>
 * Both nodes run in this JVM (the startup JVM of the pom, which is why this test is tagged so):
 * each has its own datasource and session repository, so everything the session carries crosses
 * from one node to the other through the database, Java-serialized. The Camunda webapps look their
 * engine up in Camunda's JVM-wide registry, where both nodes' engines are named {@code default}:
 * there they reach the last one started, on the same database. Separate JVMs are what
 * {@code scripts/cluster.sh} starts.
 */
@Tag("startup")
class SessionsAcrossNodesTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE =
            "rapid_cluster_test_" + ProcessHandle.current().pid();

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static int a;
    private static int b;

    @BeforeAll
    static void startTwoNodesOnOneDatabase() throws Exception {
        String server =
                "jdbc:postgresql://%s:%s/".formatted(env("TEST_DB_HOST", "127.0.0.1"), env("TEST_DB_PORT", "5432"));
        try (Connection connection = DriverManager.getConnection(
                        server + "postgres", env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
                Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE);
        }
        // One after the other: the first creates the schema and the demo users.
        nodeA = start(server + DATABASE);
        nodeB = start(server + DATABASE);
        a = port(nodeA);
        b = port(nodeB);
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void thePortalSessionOpenedOnOneNodeIsServedByTheOther() throws Exception {
        Browser browser = new Browser();

        // A page asked on node A, before signing in: its login is served by node B, which sends back
        // to the page node A saved in the session.
        HttpResponse<String> page = browser.get(a, "/portail/dossiers/nouveau");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> loggedIn = browser.login(b, "pme-demo");
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElseThrow()).contains("/portail/dossiers/nouveau");
        assertThat(String.join("\n", loggedIn.headers().allValues("Set-Cookie")))
                .as("the session cookie keeps its settings (server.servlet.session.cookie.*)")
                .contains("SESSION=")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain("JSESSIONID");

        assertThat(browser.get(a, "/portail").statusCode()).isEqualTo(200);
        assertThat(browser.get(a, "/api/dossiers").statusCode()).isEqualTo(200);
        assertThat(new Browser().get(a, "/api/dossiers").statusCode())
                .as("the same request without the session")
                .isEqualTo(401);

        // A write on node A with the session signed in on node B: its CSRF token holds there, and is needed.
        String draft = JSON.writeValueAsString(Map.of("projectTitle", "Brouillon écrit sur le nœud A"));
        assertThat(browser.put(a, "/api/drafts/dossier", draft, false).statusCode())
                .isEqualTo(403);
        assertThat(browser.put(a, "/api/drafts/dossier", draft, true).statusCode())
                .isEqualTo(200);
        assertThat(browser.get(b, "/api/drafts/dossier").body()).contains("Brouillon écrit sur le nœud A");

        // Signing out on one node signs out everywhere.
        assertThat(browser.post(b, "/logout", "", "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.get(a, "/api/dossiers").statusCode()).isEqualTo(401);
    }

    @Test
    void theWebappSessionOpenedOnOneNodeIsServedByTheOther() throws Exception {
        String dossierNumber = submitDossier();
        TaskService tasks = nodeA.getBean(TaskService.class);
        Task check = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(dossierNumber)
                                .taskDefinitionKey("CheckCompleteness")
                                .singleResult(),
                        task -> task != null);

        WebappSession onA = WebappSession.login(a, "secretariat", "tasklist");
        assertThat(onA.loginStatus()).isEqualTo(200);
        WebappSession onB = onA.on(b);
        assertThat(onB.request("GET", "/camunda/api/admin/auth/user/default", null, null)
                        .okJson()
                        .path("userId")
                        .asText())
                .isEqualTo("secretariat");
        assertThat(onB.request(
                                "GET",
                                WebappSession.ENGINE_API + "/task?processInstanceBusinessKey=" + dossierNumber,
                                null,
                                null)
                        .body())
                .contains(check.getId());

        // Tasklist's claim on node B, with the CSRF token node A handed out.
        String claim = WebappSession.ENGINE_API + "/task/" + check.getId() + "/claim";
        byte[] me = "{\"userId\":\"secretariat\"}".getBytes(StandardCharsets.UTF_8);
        Http.Response claimed = onB.request("POST", claim, "application/json", me);
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        assertThat(tasks.createTaskQuery().taskId(check.getId()).singleResult().getAssignee())
                .isEqualTo("secretariat");

        // Our pages that take the webapps' session: the staff file, and the dashboard for a manager.
        assertThat(onB.request("GET", "/staff/dossiers/" + dossierNumber, null, null)
                        .status())
                .isEqualTo(200);
        WebappSession manager = WebappSession.login(b, "manager", "welcome");
        assertThat(manager.on(a)
                        .request("GET", "/dashboard/api/work", null, null)
                        .status())
                .isEqualTo(200);

        // A write without the token is refused on node B, and Camunda then ends the session: on node A too.
        assertThat(onB.requestWithoutCsrfHeader("POST", claim, "application/json", me)
                        .status())
                .isEqualTo(403);
        assertThat(onA.request(
                                "GET",
                                WebappSession.ENGINE_API + "/task?processInstanceBusinessKey=" + dossierNumber,
                                null,
                                null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anExpiredSessionIsRefusedByEveryNodeAndDeleted() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login(a, "pme-other").statusCode()).isEqualTo(302);
        assertThat(browser.get(b, "/api/dossiers").statusCode()).isEqualTo(200);
        String sessionId = new String(Base64.getDecoder().decode(browser.cookie("SESSION")), StandardCharsets.UTF_8);
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select max_inactive_interval from spring_session where session_id = ?")
                        .param(sessionId)
                        .query(Integer.class)
                        .single())
                .as("server.servlet.session.timeout (30 minutes by default)")
                .isEqualTo(1800);

        // As if the user had done nothing for 31 minutes.
        long lastAccess = System.currentTimeMillis() - Duration.ofMinutes(31).toMillis();
        jdbc.sql("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?")
                .params(lastAccess, lastAccess + Duration.ofMinutes(30).toMillis(), sessionId)
                .update();
        assertThat(browser.get(b, "/api/dossiers").statusCode()).isEqualTo(401);
        // Each node deletes expired sessions on a schedule (every second here, every minute by default).
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from spring_session where session_id = ?")
                                .param(sessionId)
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static String submitDossier() {
        Http.Response created = new Http(a).post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("dossierNumber").asText();
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(RapidBpmApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.session.jdbc.cleanup-cron=* * * * * *");
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    /** One browser: its cookies go to both nodes (cookies are per host, not per port), redirects not followed. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(int port, String path) throws Exception {
            return client.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> put(int port, String path, String json, boolean csrf) throws Exception {
            HttpRequest.Builder request = request(port, path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json));
            if (csrf) {
                request.header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"));
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(int port, String path, String body, String contentType) throws Exception {
            return client.send(
                    request(port, path)
                            .header("Content-Type", contentType)
                            .header("X-XSRF-TOKEN", cookie("XSRF-TOKEN"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** The portal's login form (its CSRF field from the page), the password being the user id. */
        HttpResponse<String> login(int port, String user) throws Exception {
            Matcher csrf = CSRF_FIELD.matcher(get(port, "/login").body());
            assertThat(csrf.find()).isTrue();
            String form = "username=" + user + "&password=" + user + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            return client.send(
                    request(port, "/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String cookie(String name) {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(cookie -> cookie.getName().equals(name))
                    .reduce((first, last) -> last)
                    .map(HttpCookie::getValue)
                    .orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        private static HttpRequest.Builder request(int port, String path) {
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        }
    }
}
