package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.PortalSession;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An SME user who forgot the password, in the browser: from the login page's « Mot de passe
 * oublié ? » to the address form, the mail (read from the SMTP server), the new password (a weak one
 * first, refused next to its field) and the login with it. Every page passes axe-core.
 */
@Tag("browser")
@AppTest
class PasswordResetE2ETest {

    private static final String NEW_PASSWORD = "Periscope-Numerique-2028";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Autowired
    IdentityService identity;

    @Test
    void smeUserAsksForALinkSetsANewPasswordAndSignsIn() {
        String userId = "pme-oubli-" + UUID.randomUUID().toString().substring(0, 8);
        String email = userId + "@pme.example";
        User user = identity.newUser(userId);
        user.setFirstName("Hélène");
        user.setLastName("Roux");
        user.setEmail(email);
        user.setPassword("Ancien-Mot-De-Passe-Oublie-2026");
        identity.saveUser(user);
        identity.createMembership(userId, Groups.SME);

        PortalPage portal = browser.page();
        portal.open("/login");
        portal.review("login-forgotten-link");
        portal.clickLink("Mot de passe oublié ?");
        assertThat(portal.heading()).isEqualTo("Mot de passe oublié");
        portal.review("password-forgotten");

        portal.fill("email", "pas-une-adresse");
        portal.submit("Recevoir un lien", "Le formulaire contient une erreur");
        assertThat(portal.driver().findElement(By.id("email")).getDomAttribute("aria-describedby"))
                .isEqualTo("email-error email-hint");
        portal.review("password-forgotten-errors");

        portal.fill("email", email);
        portal.submit("Recevoir un lien", "Si un compte correspond à cette adresse");
        portal.review("password-forgotten-sent");

        String link = PortalSession.link(email, "/portail/mot-de-passe-oublie/nouveau");
        portal.open(link);
        assertThat(portal.heading()).isEqualTo("Choisir un nouveau mot de passe");
        assertThat(portal.mainText()).contains(userId);
        portal.review("password-new");

        portal.fill("password", "motdepasse123");
        portal.fill("passwordConfirmation", "motdepasse123");
        portal.submit("Enregistrer le mot de passe", "votre mot de passe n'a pas changé");
        assertThat(portal.mainText()).contains("Mot de passe refusé : il doit compter au moins 12 caractères");
        assertThat(portal.driver().findElement(By.id("password")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        portal.review("password-new-errors");

        portal.fill("password", NEW_PASSWORD);
        portal.fill("passwordConfirmation", NEW_PASSWORD);
        portal.submit("Enregistrer le mot de passe", "Mot de passe modifié");
        assertThat(portal.mainText()).contains("Connectez-vous avec votre identifiant, " + userId);
        portal.review("password-changed");

        // The link served once: opened again, it says so and offers a new one.
        portal.open(link);
        assertThat(portal.heading()).isEqualTo("Lien inutilisable");
        assertThat(portal.mainText()).contains("Ce lien a déjà servi", "Demander un nouveau lien");
        portal.review("password-link-used");
        portal.open("/login");

        portal.logIn(userId, NEW_PASSWORD);
        assertThat(portal.path()).startsWith("/portail");
        assertThat(portal.mainText()).contains("Déposer un dossier");

        // What an account not yet confirmed is told at its login (UnconfirmedLoginTest signs one in).
        portal.open("/login?unconfirmed");
        assertThat(portal.mainText()).contains("Votre compte n'est pas encore activé");
        portal.review("login-unconfirmed");
    }
}
