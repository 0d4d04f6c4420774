package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Single sign-on is off by default (rapid.sso.enabled): none of its addresses exists, even for a
 * registration that happens to be configured, and the portal's login page offers passwords only.
 * With it on: SingleSignOnE2ETest.
 */
@AppTest
class SingleSignOnOffTest {

    @LocalServerPort
    int port;

    @Test
    void itsAddressesAreNotFound() {
        Http http = new Http(port);
        for (String path : new String[] {
            "/sso/agents",
            "/sso/entreprises",
            "/sso/refus?motif=echec",
            "/sso/suite",
            "/oauth2/authorization/proconnect",
            "/login/oauth2/code/proconnect?code=abc&state=xyz"
        }) {
            assertThat(http.get(null, path).status()).as(path).isEqualTo(404);
        }
    }

    @Test
    void theLoginPageOffersPasswordsOnly() {
        Http.Response login = new Http(port).get(null, "/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body())
                .contains("Mot de passe")
                .doesNotContain("/sso/")
                .doesNotContain("Se connecter avec");
    }
}
