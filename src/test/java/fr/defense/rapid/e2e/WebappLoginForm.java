package fr.defense.rapid.e2e;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Camunda webapps' login form, one form for Tasklist, Cockpit and the welcome page. The page
 * moves the focus to the user name field by script ({@code [autofocus]}) a moment after it shows:
 * keys sent to the password field at that moment land in the user name ("secretariatsecretariat").
 * So both fields are checked, and typed again if need be, before the form is sent.
 */
final class WebappLoginForm {

    static final By USER = By.cssSelector("input[type=text]");
    static final By PASSWORD = By.cssSelector("input[type=password]");
    static final By SUBMIT = By.cssSelector("button[type=submit]");

    private WebappLoginForm() {}

    /** Types the credentials into the form (already on screen) until both fields hold them, and sends it. */
    static void fillAndSubmit(WebDriver driver, Duration timeout, String user, String password) {
        new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(browser ->
                        typed(browser.findElement(USER), user) & typed(browser.findElement(PASSWORD), password));
        driver.findElement(SUBMIT).click();
    }

    /** Whether the field holds the text; types it again if not (the next check tells). */
    private static boolean typed(WebElement field, String text) {
        if (text.equals(field.getDomProperty("value"))) {
            return true;
        }
        field.clear();
        field.sendKeys(text);
        return false;
    }
}
