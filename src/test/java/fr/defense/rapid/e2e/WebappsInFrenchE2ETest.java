package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Cockpit and Admin speak French too, carry the ministry's name, and show no Camunda 8 banner
 * (our translation files and config.js under META-INF/resources/webjars/camunda/app/).
 */
@Tag("browser")
@AppTest
class WebappsInFrenchE2ETest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    private TasklistPage tasklist;

    @BeforeEach
    void logIn() {
        tasklist = browser.page();
        tasklist.logIn("admin", "admin");
    }

    @Test
    void cockpitIsInFrenchWithTheMinistrysName() {
        String page = open("/camunda/app/cockpit/default/#/dashboard", "Définitions de processus");
        assertThat(page)
                .contains("Ministère des Armées", "Processus", "Décisions", "Définitions de décision", "Déploiements")
                .doesNotContain("Process Definitions", "Deployments", "Decisions");
        assertThat(tasklist.migrationBannerShown()).isFalse();
        browser.screenshot("cockpit-in-french");
    }

    @Test
    void adminIsInFrenchWithTheMinistrysName() {
        String page = open("/camunda/app/admin/default/#/users", "Ajouter un utilisateur");
        assertThat(page)
                .contains("Ministère des Armées", "Utilisateurs", "Groupes", "Autorisations")
                .doesNotContain("Add User", "Authorizations");
        assertThat(tasklist.migrationBannerShown()).isFalse();
        browser.screenshot("admin-in-french");
    }

    /** Opens a page of a webapp and waits until it shows this text: the page's text then. */
    private String open(String path, String shown) {
        WebDriver driver = tasklist.driver();
        driver.get("http://localhost:" + port + path);
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> {
            String text = String.valueOf(((JavascriptExecutor) d).executeScript("return document.body.innerText;"))
                    .replaceAll("\\s+", " ");
            return text.contains(shown) ? text : null;
        });
    }
}
