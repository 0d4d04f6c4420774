package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.dossier.Siren;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
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

    private static final Pattern LINK =
            Pattern.compile("(/portail/inscription/confirmation\\?jeton=[A-Za-z0-9_.\\-]+)");
    private static final String PASSWORD = "Capteur-Infrarouge-2027";

    @RegisterExtension
    final PortalBrowser browser = new PortalBrowser();

    @Test
    void smeRegistersConfirmsByMailAndSignsIn() {
        PortalPage portal = browser.page();
        String siren = newSiren();
        String email = "helene." + siren + "@pme.example";

        portal.open("/login");
        portal.clickLink("Créez le compte de votre entreprise");
        assertThat(portal.heading()).isEqualTo("Créer le compte de votre entreprise");
        portal.review("registration");

        fill(portal, "companySiren", "732 829 321");
        fill(portal, "companyName", "Capteurs de l'Ouest");
        fill(portal, "contactName", "Hélène Roux");
        fill(portal, "contactEmail", email);
        fill(portal, "password", PASSWORD);
        fill(portal, "passwordConfirmation", PASSWORD);
        submit(portal, "Créer le compte", "Le formulaire contient des erreurs");
        assertThat(portal.mainText()).contains("Numéro SIREN invalide");
        assertThat(portal.driver().findElement(By.id("companySiren")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        portal.review("registration-errors");

        fill(portal, "companySiren", siren);
        fill(portal, "password", PASSWORD);
        fill(portal, "passwordConfirmation", PASSWORD);
        submit(portal, "Créer le compte", "Vérifiez votre messagerie");
        portal.review("registration-sent");

        portal.open(confirmationLink(email));
        assertThat(portal.heading()).isEqualTo("Activer votre compte");
        portal.review("registration-confirm");
        submit(portal, "Activer mon compte", "Compte activé");
        portal.review("registration-confirmed");

        portal.clickLink("Se connecter");
        portal.logIn("pme-" + siren + "-1", PASSWORD);
        assertThat(portal.path()).startsWith("/portail");
        assertThat(portal.mainText()).contains("Déposer un dossier");
    }

    /** Sends the form with its button and waits for the page that says this. */
    private static void submit(PortalPage portal, String button, String expected) {
        portal.clickButton(button);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                return portal.mainText().contains(expected);
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
        portal.awaitReady();
    }

    private static void fill(PortalPage portal, String id, String text) {
        var input = portal.driver().findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    private static String confirmationLink(String email) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            for (MimeMessage message : TestSmtp.received()) {
                                for (Address to : message.getAllRecipients()) {
                                    if (to.toString().contains(email)) {
                                        Matcher link = LINK.matcher(TestSmtp.part(message, "text/plain"));
                                        if (link.find()) {
                                            return link.group(1);
                                        }
                                    }
                                }
                            }
                            return null;
                        },
                        found -> found != null);
    }

    private static String newSiren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        for (int key = 0; key < 10; key++) {
            if (Siren.isValid(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException();
    }
}
