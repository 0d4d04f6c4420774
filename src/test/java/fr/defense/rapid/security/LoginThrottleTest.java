package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.StaffUsers;
import fr.defense.rapid.support.WebappSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A stranger who knows a user id cannot lock its owner out: thirty wrong passwords only make the
 * next attempts wait (a second at most in the test profile, a minute by default), the API and the
 * webapps say in French when to try again, and the owner logs in once the wait is over. Before the
 * throttle, the engine locked the account for good at the tenth failure.
 */
@AppTest
class LoginThrottleTest {

    private static final String PASSWORD = "Le-bon-mot-de-passe-2026";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void thirtyWrongPasswordsOnTheApiDoNotLockTheOwnerOut() throws Exception {
        String owner = newStaffUser("victime-api");
        Http http = new Http(port);
        List<Http.Response> guesses = guess(30, () -> http.get(owner, "mauvais-mot-de-passe", "/engine-rest/task"));
        assertThat(guesses)
                .extracting(Http.Response::status)
                .containsOnly(401, 429)
                .contains(429);
        Http.Response throttled =
                guesses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(throttled.header("Retry-After")).matches("[1-9][0-9]*");
        assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
        assertThat(throttled.json().path("detail").asText())
                .matches("Trop de tentatives de connexion\\. Réessayez dans \\d+ secondes?\\.");

        // The owner, told when to try again, gets in once the wait is over (a second at most here).
        Http.Response owners = http.get(owner, PASSWORD, "/engine-rest/task");
        for (int tries = 0; owners.status() == 429 && tries < 10; tries++) {
            assertThat(owners.header("Retry-After")).matches("[1-9][0-9]*");
            Thread.sleep(Long.parseLong(owners.header("Retry-After")) * 1000);
            owners = http.get(owner, PASSWORD, "/engine-rest/task");
        }
        assertThat(owners.status()).isEqualTo(200);
        assertThat(identity.checkPassword(owner, PASSWORD)).isTrue();
    }

    @Test
    void thirtyWrongPasswordsInTheWebappsDoNotLockTheOwnerOut() throws Exception {
        String owner = newStaffUser("victime-tasklist");
        List<Integer> guesses = new ArrayList<>();
        String throttled = null;
        for (int i = 0; i < 30; i++) {
            WebappSession guess = WebappSession.login(port, owner, "mauvais-mot-de-passe", "tasklist");
            guesses.add(guess.loginStatus());
            if (guess.loginStatus() == 429) {
                throttled = guess.loginBody();
            }
        }
        assertThat(guesses).containsOnly(401, 429).contains(429);
        // Tasklist's login page shows the refusal's "message".
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                        .readTree(throttled)
                        .path("message")
                        .asText())
                .matches("Trop de tentatives de connexion\\. Réessayez dans \\d+ secondes?\\.");
        int status;
        long waited = 0;
        do {
            status = WebappSession.login(port, owner, PASSWORD, "tasklist").loginStatus();
            if (status == 429) {
                Thread.sleep(250);
                waited += 250;
            }
        } while (status == 429 && waited < 5_000);
        assertThat(status).isEqualTo(200);
    }

    @Test
    void theLoginPageSaysWhenToTryAgain() throws Exception {
        String owner = newStaffUser("victime-page");
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager())
                .build();
        String base = "http://localhost:" + port;
        String location = null;
        for (int i = 0; i < 10 && (location == null || !location.contains("retry=")); i++) {
            HttpResponse<String> page = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            HttpResponse<String> login = client.send(
                    HttpRequest.newBuilder(URI.create(base + "/login"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "username=" + owner + "&password=faux&_csrf=" + csrf))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(302);
            location = login.headers().firstValue("Location").orElseThrow();
        }
        assertThat(location).contains("/login?retry=");
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(URI.create(location.startsWith("http") ? location : base + location))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("Trop de tentatives de connexion\\. Réessayez dans \\d+ secondes?\\.");

        // A hand-edited retry is ignored: the login page still shows, with no message of its own.
        HttpResponse<String> edited = client.send(
                HttpRequest.newBuilder(URI.create(base + "/login?retry=abc")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.body()).contains("Se connecter").doesNotContain("Trop de tentatives");
    }

    private static List<Http.Response> guess(int times, Supplier<Http.Response> attempt) {
        List<Http.Response> responses = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            responses.add(attempt.get());
        }
        return responses;
    }

    private String newStaffUser(String id) {
        return StaffUsers.newExpert(identity, id, "Victime", PASSWORD);
    }
}
