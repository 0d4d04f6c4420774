package fr.defense.rapid.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.StaffUsers;
import fr.defense.rapid.support.WebappSession;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The account audit log: logins at every door (the portal's form, the webapps' login, HTTP Basic) and
 * the group changes made in Camunda Admin are recorded with who, when and from which address, never
 * with a password; administrators read the log in the browser and export it, nobody else.
 */
@AppTest
class AccountAuditLogTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String PASSWORD = "Mot-de-passe-du-journal-42";
    private static final String WRONG = "Erreur-de-frappe-tapee-99";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    private Http http;
    private String suffix;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        suffix = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void loginsAtEveryDoorAreRecordedWithTheAddressNeverThePassword() throws Exception {
        String sme = newSme("journal-pme-" + suffix);
        String expert = StaffUsers.newExpert(identity, "journal-expert-" + suffix, "Lucie", PASSWORD);

        assertThat(http.get(sme, WRONG, "/api/dossiers").status()).isEqualTo(401);
        assertThat(portalLogin(sme, PASSWORD)).contains("/portail");
        assertThat(WebappSession.login(port, expert, PASSWORD, "tasklist").loginStatus())
                .isEqualTo(200);
        assertThat(WebappSession.login(port, expert, WRONG, "tasklist").loginStatus())
                .isEqualTo(401);

        String csv = export();
        assertThat(lineOf(csv, "LOGIN_FAILURE;" + sme + ";"))
                .contains("Échec de connexion", "API (HTTP Basic)")
                .containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(lineOf(csv, "LOGIN_SUCCESS;" + sme + ";" + sme + ";")).contains("Portail PME");
        assertThat(lineOf(csv, "LOGIN_SUCCESS;" + expert + ";" + expert + ";"))
                .contains("Applications Camunda (tasklist)");
        assertThat(lineOf(csv, "LOGIN_FAILURE;" + expert + ";")).contains("Applications Camunda (tasklist)");
        assertThat(csv).doesNotContain(PASSWORD, WRONG);
    }

    @Test
    void aGroupChangeMadeInCamundaAdminIsRecordedWithTheAdministratorAndTheAddress() {
        String user = newSme("journal-membre-" + suffix);
        WebappSession admin = WebappSession.login(port, "admin", "admin");
        assertThat(admin.loginStatus()).isEqualTo(200);

        String members = WebappSession.ENGINE_API + "/group/" + Groups.MANAGERS + "/members/" + user;
        assertThat(admin.request("PUT", members, null, null).status()).isEqualTo(204);
        assertThat(admin.request("DELETE", members, null, null).status()).isEqualTo(204);

        String csv = export();
        assertThat(lineOf(csv, "GROUP_MEMBERSHIP_ADDED;" + user + ";admin;"))
                .contains("Ajout à un groupe", "Groupe managers")
                .containsAnyOf("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(lineOf(csv, "GROUP_MEMBERSHIP_REMOVED;" + user + ";admin;")).contains("Groupe managers");
    }

    @Test
    void onlyAdministratorsReadAndExportTheLog() {
        Http.Response page = http.get("admin", "/journal-des-comptes");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Journal des comptes</h1>", "Exporter tout le journal (CSV)");
        Http.Response csv = http.get("admin", "/journal-des-comptes/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).contains("date;evenement;code;compte;auteur;adresse;detail");

        for (String other : List.of("manager", "secretariat", "pme-demo")) {
            Http.Response refused = http.get(other, "/journal-des-comptes");
            assertThat(refused.status()).as(other).isEqualTo(403);
            assertThat(refused.body()).contains("réservé aux administrateurs");
            assertThat(http.get(other, "/journal-des-comptes/export.csv").status())
                    .as(other)
                    .isEqualTo(403);
        }
        Http.Response anonymous = http.get(null, "/journal-des-comptes");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).contains("/camunda/app/welcome/default/");
        assertThat(http.get(null, "/journal-des-comptes/export.csv").status()).isEqualTo(401);
    }

    private String export() {
        Http.Response csv = http.get("admin", "/journal-des-comptes/export.csv");
        assertThat(csv.status()).isEqualTo(200);
        return csv.body();
    }

    /** The CSV line of an event, found by its code and account (and author, when given). */
    private static String lineOf(String csv, String codeAndAccount) {
        return csv.lines()
                .filter(line -> line.contains(";" + codeAndAccount))
                .reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("No line with " + codeAndAccount + " in\n" + csv));
    }

    private String newSme(String id) {
        User user = identity.newUser(id);
        user.setFirstName("Jeanne");
        user.setLastName("Essai");
        user.setEmail(id + "@pme.example");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Groups.SME);
        return id;
    }

    /** The portal's login form, with its CSRF token; the address it redirects to. */
    private String portalLogin(String user, String password) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        return login.headers().firstValue("Location").orElse("");
    }
}
