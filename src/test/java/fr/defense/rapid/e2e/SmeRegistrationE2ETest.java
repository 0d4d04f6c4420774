package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.PortalSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * An SME creates its account in the browser: a wrong SIREN is said next to the field, the
 * confirmation link comes by mail (read from the SMTP server), the account is activated with its
 * button, and the new user signs in to the portal. Every page passes axe-core.
 */
@Tag("browser")
@AppTest
class SmeRegistrationE2ETest {

    private static final String PASSWORD = "Capteur-Infrarouge-2027";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Test
    void smeRegistersConfirmsByMailAndSignsIn() {
        PortalPage portal = browser.page();
        String siren = PortalSession.newSiren();
        String email = "helene." + siren + "@pme.example";

        portal.open("/login");
        portal.clickLink("Créez le compte de votre entreprise");
        assertThat(portal.heading()).isEqualTo("Créer le compte de votre entreprise");
        portal.review("registration");

        portal.fill("companySiren", "732 829 321");
        portal.fill("companyName", "Capteurs de l'Ouest");
        portal.fill("contactName", "Hélène Roux");
        portal.fill("contactEmail", email);
        portal.fill("password", PASSWORD);
        portal.fill("passwordConfirmation", PASSWORD);
        portal.submit("Créer le compte", "Le formulaire contient des erreurs");
        assertThat(portal.mainText()).contains("Numéro SIREN invalide");
        assertThat(portal.driver().findElement(By.id("companySiren")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        portal.review("registration-errors");

        portal.fill("companySiren", siren);
        portal.fill("password", PASSWORD);
        portal.fill("passwordConfirmation", PASSWORD);
        portal.submit("Créer le compte", "Vérifiez votre messagerie");
        portal.review("registration-sent");

        portal.open(PortalSession.link(email, "/portail/inscription/confirmation"));
        assertThat(portal.heading()).isEqualTo("Activer votre compte");
        portal.review("registration-confirm");
        portal.submit("Activer mon compte", "Compte activé");
        portal.review("registration-confirmed");

        portal.clickLink("Se connecter");
        portal.logIn("pme-" + siren + "-1", PASSWORD);
        assertThat(portal.path()).startsWith("/portail");
        assertThat(portal.mainText()).contains("Déposer un dossier");
    }
}
