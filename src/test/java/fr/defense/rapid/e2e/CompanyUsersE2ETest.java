package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.PortalSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A company's administrator manages its users in the browser: a request to join confirmed (the
 * page says it waits for the administrator), the company page with that request, an invitation refused for a bad address then sent, the request accepted and its
 * user removed, the mail read from the SMTP server, the colleague's invitation page (errors, then the account), the colleague signed in to
 * the portal and seeing the company page read-only. Every page passes axe-core; screenshots in
 * target/e2e.
 */
@Tag("browser")
@AppTest
class CompanyUsersE2ETest {

    private static final String PASSWORD = "Capteur-Infrarouge-2027";
    private static final String COLLEAGUE_PASSWORD = "Gyroscope-Laser-2028?";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @LocalServerPort
    int port;

    @Test
    void administratorInvitesAColleagueWhoJoinsThePortal() throws Exception {
        String siren = PortalSession.newSiren();
        String adminId = new PortalSession(port).openCompany(siren, "claire." + siren + "@pme.example", PASSWORD);
        Http.Response filed = new Http(port)
                .password(adminId, PASSWORD)
                .post(adminId, "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(filed.status()).isEqualTo(201);
        String dossierNumber = filed.json().path("dossierNumber").asText();
        // Someone registered with the company's SIREN and confirmed the address: a request to examine.
        String requesterEmail = "helene." + siren + "@pme.example";
        PortalSession requester = new PortalSession(port);
        requester.register(siren, requesterEmail, "Hélène Roux", COLLEAGUE_PASSWORD);
        PortalPage portal = browser.page();
        portal.open(PortalSession.link(requesterEmail, "/portail/inscription/confirmation"));
        portal.submit("Activer mon compte", "Demande transmise à l'administrateur");
        assertThat(portal.mainText())
                .contains("une fois votre demande acceptée")
                .doesNotContain("Se connecter");
        portal.review("join-request-confirmed");

        portal.open("/login");
        portal.logIn(adminId, PASSWORD);
        portal.clickLink("Mon entreprise");
        assertThat(portal.heading()).isEqualTo("Optronique " + siren);
        assertThat(portal.mainText())
                .contains("Demandes à examiner", "Hélène Roux", "Claire Martin (vous)", "Administrateur");
        portal.review("company");

        portal.fill("email", "paul.durand@");
        portal.submit("Envoyer l'invitation", "L'invitation n'a pas été envoyée");
        assertThat(portal.mainText()).contains("Adresse électronique invalide");
        assertThat(portal.driver().findElement(By.id("email")).getDomAttribute("aria-describedby"))
                .isEqualTo("email-error email-hint");
        portal.review("company-invite-errors");

        String email = "paul." + siren + "@pme.example";
        portal.fill("email", email);
        portal.submit("Envoyer l'invitation", "Invitation envoyée à " + email);
        assertThat(portal.mainText()).contains("Invitation envoyée", "Annuler l'invitation");
        portal.review("company-invited");

        // The request accepted, then its user removed (after the page that asks first).
        portal.clickButton("Accepter");
        portal.awaitText("Demande acceptée : Hélène Roux");
        assertThat(portal.mainText()).doesNotContain("Demandes à examiner");
        portal.review("company-accepted");
        portal.clickLink("Retirer");
        assertThat(portal.heading()).isEqualTo("Retirer Hélène Roux ?");
        portal.review("company-removal");
        portal.submit("Retirer", "Hélène Roux est retiré(e) du compte de l'entreprise");
        assertThat(portal.mainText()).containsIgnoringCase("Retiré");
        portal.review("company-removed");

        String link = PortalSession.link(email, "/portail/inscription/invitation");
        portal.driver().manage().deleteAllCookies();
        // The removed user, with her right password: the login page says why she is not let in.
        portal.open("/login");
        portal.fill("username", "pme-" + siren + "-2");
        portal.fill("password", COLLEAGUE_PASSWORD);
        portal.driver().findElement(By.cssSelector("main button[type=submit]")).click();
        portal.awaitText("Ce compte a été retiré du compte de votre entreprise");
        assertThat(portal.path()).startsWith("/login");
        portal.review("login-removed");

        portal.open(link);
        assertThat(portal.heading()).isEqualTo("Rejoindre le compte de votre entreprise");
        portal.review("invitation");

        portal.fill("contactName", "Paul Durand");
        portal.fill("password", COLLEAGUE_PASSWORD);
        portal.fill("passwordConfirmation", "autre-mot-de-passe");
        portal.submit("Créer mon compte", "Le formulaire contient des erreurs");
        assertThat(portal.mainText()).contains("Les deux mots de passe ne sont pas identiques.");
        portal.review("invitation-errors");

        portal.fill("password", COLLEAGUE_PASSWORD);
        portal.fill("passwordConfirmation", COLLEAGUE_PASSWORD);
        portal.submit("Créer mon compte", "Votre compte est actif");
        portal.review("invitation-done");

        portal.clickLink("Se connecter");
        portal.logIn("pme-" + siren + "-3", COLLEAGUE_PASSWORD);
        assertThat(portal.path()).startsWith("/portail");
        // The dossier the administrator filed before Paul joined is the company's: his too.
        assertThat(portal.mainText()).contains("Mes dossiers", dossierNumber);
        portal.open("/portail/dossiers/" + dossierNumber);
        assertThat(portal.mainText()).contains(dossierNumber);
        portal.review("company-shared-dossier");
        portal.clickLink("Mon entreprise");
        assertThat(portal.mainText())
                .contains("Paul Durand (vous)", "Seul l'administrateur du compte")
                .doesNotContain("Inviter un collègue", "Demandes à examiner");
        portal.review("company-member");
    }
}
