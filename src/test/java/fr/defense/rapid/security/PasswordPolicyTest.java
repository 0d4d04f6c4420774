package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The password rules hold where administrators set passwords (the engine REST API, which Admin
 * uses too): 12 characters at least, not the user's id or names, not a common password; each
 * refusal is a 400 in French and creates nobody.
 */
@AppTest
class PasswordPolicyTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void weakPasswordsAreRefusedWhereverAnAdministratorSetsThem() {
        Http http = new Http(port);
        Map<String, String> weak = new LinkedHashMap<>();
        weak.put("too short", "Court-2026");
        weak.put("the user id", "xxagent-politique-xx");
        weak.put("the last name", "Dupont-Dupont-2026");
        weak.put("a common password", "MotDePasse2026");
        weak.forEach((why, password) -> {
            Http.Response refused = http.post("admin", "/engine-rest/user/create", user("agent-politique", password));
            assertThat(refused.status()).as(why).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).as(why).startsWith("Mot de passe refusé");
            assertThat(identity.createUserQuery().userId("agent-politique").count())
                    .as(why)
                    .isZero();
        });

        assertThat(http.post("admin", "/engine-rest/user/create", user("agent-politique", "Cheval-Agrafe-Batterie-7"))
                        .status())
                .isEqualTo(204);
        Http.Response weakChange = http.request(
                "admin",
                "PUT",
                "/engine-rest/user/agent-politique/credentials",
                "application/json",
                ("{\"password\":\"azertyuiop123\",\"authenticatedUserPassword\":\"admin\"}").getBytes());
        assertThat(weakChange.status()).isEqualTo(400);
        assertThat(identity.checkPassword("agent-politique", "Cheval-Agrafe-Batterie-7"))
                .isTrue();
    }

    private static Map<String, Object> user(String id, String password) {
        return Map.of(
                "profile",
                Map.of("id", id, "firstName", "Jeanne", "lastName", "Dupont", "email", "jeanne.dupont@defense.example"),
                "credentials",
                Map.of("password", password));
    }
}
