package fr.defense.rapid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SME API with a browser session: login form, session cookie (HttpOnly, SameSite) and CSRF
 * protection of every write made with that session.
 */
@AppTest
class SessionLoginTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void smeLogsInWithTheFormAndItsSessionWritesOnlyWithTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> loginPage = browser.send(get("/login"), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF_FIELD.matcher(loginPage.body());
        assertThat(csrf.find())
                .as("the login form carries a CSRF token: " + loginPage.statusCode() + " " + loginPage.body())
                .isTrue();

        HttpResponse<String> wrongPassword =
                browser.send(login("pme-other", "nope", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongPassword.headers().firstValue("Location").orElse("")).contains("/login?error");

        HttpResponse<String> loggedIn =
                browser.send(login("pme-demo", "pme-demo", csrf.group(1)), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        String setCookie = String.join("\n", loggedIn.headers().allValues("Set-Cookie"));
        assertThat(setCookie).contains("SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");

        assertThat(browser.send(get("/api/dossiers"), HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(200);

        String body = new ObjectMapper().writeValueAsString(SampleDossiers.smallCompany());
        HttpResponse<String> withoutToken =
                browser.send(post("/api/dossiers", body, null), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        // An Authorization header earns no CSRF exemption unless HTTP Basic authenticates the request itself.
        HttpResponse<String> otherScheme =
                browser.send(post("/api/dossiers", body, null, "Bearer forged"), HttpResponse.BodyHandlers.ofString());
        assertThat(otherScheme.statusCode()).isEqualTo(403);
        HttpResponse<String> wrongBasic = browser.send(
                post("/api/dossiers", body, null, basic("pme-demo", "wrong")), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongBasic.statusCode())
                .as("the session does not stand in for wrong credentials")
                .isEqualTo(401);
        HttpResponse<String> realBasic = browser.send(
                post("/api/dossiers", body, null, basic("pme-demo", "pme-demo")), HttpResponse.BodyHandlers.ofString());
        assertThat(realBasic.statusCode()).isEqualTo(201);
        // A POST a hostile page could send cross-site (a form: no JSON), even with Basic credentials
        // a browser cached, is no exception: it needs the token.
        String number = new ObjectMapper()
                .readTree(realBasic.body())
                .path("dossierNumber")
                .asText();
        HttpResponse<String> formPost = browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers/" + number + "/withdraw"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", basic("pme-demo", "pme-demo"))
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(formPost.statusCode()).isEqualTo(403);

        String token = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> withToken =
                browser.send(post("/api/dossiers", body, token), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(201);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET()
                .build();
    }

    private HttpRequest login(String user, String password, String csrf) {
        String form = "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    @Test
    void theWebappsSessionCookieCarriesOneSameSite() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        browser.send(get("/camunda/app/tasklist/default/"), HttpResponse.BodyHandlers.discarding());
        String csrf = cookie(cookies, "XSRF-TOKEN");
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-XSRF-TOKEN", csrf)
                        .POST(HttpRequest.BodyPublishers.ofString("username=expert&password=expert"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        List<String> sessionCookies = login.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .toList();
        assertThat(sessionCookies).hasSize(1);
        Matcher sameSite = Pattern.compile("(?i)SameSite=(\\w+)").matcher(sessionCookies.get(0));
        assertThat(sameSite.results().map(m -> m.group(1)).toList()).containsExactly("Strict");
    }

    private HttpRequest post(String path, String json, String csrfToken) {
        return post(path, json, csrfToken, null);
    }

    private static String basic(String user, String password) {
        return "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpRequest post(String path, String json, String csrfToken, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static String cookie(CookieManager cookies, String name) {
        List<HttpCookie> all = cookies.getCookieStore().getCookies();
        return all.stream()
                .filter(c -> c.getName().equals(name))
                .findFirst()
                .orElseThrow()
                .getValue();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
