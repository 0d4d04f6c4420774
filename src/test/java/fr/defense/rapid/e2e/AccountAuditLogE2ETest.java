package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.defense.rapid.support.AppTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * An administrator signed in to the webapps opens the account audit log, in French, which passes
 * axe-core, and sees its own login in it.
 */
@Tag("browser")
@AppTest
class AccountAuditLogE2ETest {

    @RegisterExtension
    final TasklistBrowser browser = new TasklistBrowser();

    @Test
    void administratorReadsTheAccountAuditLogAfterSigningIn() {
        TasklistPage tasklist = browser.page();
        tasklist.logIn("admin", "admin");
        tasklist.driver()
                .get(tasklist.driver().getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1") + "/journal-des-comptes");

        assertThat(tasklist.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Journal des comptes");
        assertThat(tasklist.driver().findElement(By.tagName("table")).getText())
                .contains("Connexion réussie", "Applications Camunda (tasklist)");
        browser.screenshot("account-audit-log");
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(tasklist.driver());
        assertThat(results.getViolations().stream()
                        .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                        .map(rule -> rule.getId() + ": " + rule.getHelp())
                        .toList())
                .isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
    }
}
