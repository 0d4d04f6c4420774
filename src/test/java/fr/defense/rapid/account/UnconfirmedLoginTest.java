package fr.defense.rapid.account;

import static fr.defense.rapid.support.PortalSession.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A registered account whose address is not confirmed yet does not sign in: with its right password
 * the login page says to confirm the address first (a failure in the audit log); with a wrong one it
 * says what it says to anyone, so the state is never told to someone without the password.
 */
@AppTest
class UnconfirmedLoginTest {

    private static final String PASSWORD = "Radar-Optique-2027!";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anUnconfirmedAccountIsToldToConfirmItsAddressAndDoesNotSignIn() throws Exception {
        PortalSession visitor = new PortalSession(port);
        String siren = newSiren();
        String userId = visitor.registeredAccount(siren, "louise." + siren + "@pme.example", PASSWORD);

        String refused = visitor.loginRedirect(userId, PASSWORD);
        assertThat(refused).endsWith("/login?unconfirmed");
        assertThat(visitor.get("/login?unconfirmed").body())
                .contains(
                        "Votre compte n&#39;est pas encore activé : confirmez d&#39;abord votre adresse électronique");
        assertThat(visitor.get("/portail").headers().firstValue("Location"))
                .as("no session")
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(visitor.api(userId, PASSWORD, "/api/dossiers")).isEqualTo(401);

        // A wrong password, or no such account: the usual answer, nothing about the account's state.
        assertThat(new PortalSession(port).loginRedirect(userId, "Pas-Le-Bon-Mot-2027"))
                .endsWith("/login?error");
        assertThat(new PortalSession(port).loginRedirect("pme-" + newSiren() + "-1", PASSWORD))
                .endsWith("/login?error");

        assertThat(jdbc.sql("select kind || ';' || coalesce(detail, '') from account_event "
                                + "where account_id = :user order by id")
                        .param("user", userId)
                        .query(String.class)
                        .list())
                .contains("LOGIN_FAILURE;Portail PME : adresse électronique non confirmée")
                .doesNotContain("LOGIN_SUCCESS;Portail PME");
    }
}
