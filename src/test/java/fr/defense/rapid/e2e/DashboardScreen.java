package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The managers' dashboard as a manager sees it: signed in through the Camunda webapps' login, the
 * filter, the key numbers, the charts, the process maps and their badges, the export links.
 */
final class DashboardScreen {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HeadlessChromium chromium;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    DashboardScreen(HeadlessChromium chromium, int port) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.wait = new WebDriverWait(driver, TIMEOUT);
        this.baseUrl = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens the dashboard's address (with a query string, or none) and returns where the browser ends up. */
    String open(String query) {
        driver.get(baseUrl + "/dashboard" + query);
        return driver.getCurrentUrl();
    }

    /**
     * Signs in on the webapps' welcome page, as managers do (the dashboard's link is there).
     */
    void logIn(String user) {
        driver.get(baseUrl + "/camunda/app/welcome/default/#!/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(WebappLoginForm.USER));
        WebappLoginForm.fillAndSubmit(driver, TIMEOUT, user, user);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(WebappLoginForm.PASSWORD));
    }

    /** From the webapps' welcome page, where managers land, through its link to the dashboard. */
    void followWelcomeLink() {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Tableau de bord")))
                .click();
        wait.until(ExpectedConditions.urlContains("/dashboard"));
    }

    /** Waits until every view and map has finished loading (successfully or not). */
    void awaitFigures() {
        wait.until(browser ->
                browser.findElements(By.cssSelector("[aria-busy=true]")).isEmpty()
                        && !browser.findElement(By.id("status")).getText().startsWith("Chargement"));
        // The maps fit their box again after a resize (a moment later).
        wait.until(browser -> (Boolean) ((JavascriptExecutor) browser).executeScript("""
                return [...document.querySelectorAll('.map-canvas')]
                  .every(box => box.dataset.fittedWidth === String(box.clientWidth));
                """));
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String text(String cssSelector) {
        return driver.findElement(By.cssSelector(cssSelector)).getText();
    }

    /** The key number under that label, as shown (« 12 », « 75 % »). */
    String keyNumber(String sectionId, String label) {
        return driver.findElements(By.cssSelector("#" + sectionId + " .kpi")).stream()
                .filter(card -> card.findElement(By.cssSelector(".kpi__label"))
                        .getText()
                        .equals(label))
                .map(card -> card.findElement(By.cssSelector(".kpi__value")).getText())
                .findFirst()
                .orElseThrow(() -> new AssertionError("No key number « " + label + " » in #" + sectionId));
    }

    /** The ids of the charts whose canvas has something drawn on it (a pixel that is not blank). */
    @SuppressWarnings("unchecked")
    List<String> drawnCharts() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript("""
                return [...document.querySelectorAll('figure.chart')].filter(figure => {
                  const canvas = figure.querySelector('canvas');
                  if (!canvas || !canvas.width || !canvas.height) return false;
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
                  return false;
                }).map(figure => figure.id);
                """);
    }

    /** The tables that follow the charts, each by its caption: header row, then data rows, as shown. */
    int chartTables() {
        return driver.findElements(By.cssSelector("figure.chart details table caption"))
                .size();
    }

    /** Per activity of the process's map: the badge's « waiting now » count. */
    Map<String, Long> badges(String processKey) {
        return driver.findElements(By.cssSelector(".process-map[data-process='" + processKey + "'] .load")).stream()
                .collect(Collectors.toMap(
                        badge -> badge.getDomAttribute("data-activity"),
                        badge -> Long.parseLong(badge.getDomAttribute("data-waiting"))));
    }

    /** The text of the badge on that activity (« 3 en attente », « ✖ méd. 28 j »). */
    String badgeText(String processKey, String activityId) {
        return driver.findElement(By.cssSelector(
                        ".process-map[data-process='" + processKey + "'] .load[data-activity='" + activityId + "']"))
                .getText();
    }

    /** The activities whose shape is coloured by a level (LATE, WARNING, OK), as CSS marker names. */
    List<String> levelMarkers(String processKey) {
        return driver
                .findElements(
                        By.cssSelector(".process-map[data-process='" + processKey + "'] .djs-element[class*='level-']"))
                .stream()
                .map(element -> element.getDomAttribute("data-element-id") + " " + element.getDomAttribute("class"))
                .toList();
    }

    /** Fills the filter as a manager does and applies it (no page reload). */
    void filter(String from, String to, String category) {
        setDate("from", from);
        setDate("to", to);
        if (category != null) {
            wait.until(browser -> new Select(browser.findElement(By.id("category")))
                    .getOptions().stream().anyMatch(option -> category.equals(option.getDomAttribute("value"))));
            new Select(driver.findElement(By.id("category"))).selectByValue(category);
        }
        // A marker that disappears if the page were reloaded.
        ((JavascriptExecutor) driver).executeScript("window.stillTheSamePage = true");
        driver.findElement(By.cssSelector("#filter button[type=submit]")).click();
        wait.until(browser -> !browser.findElement(By.id("status")).getText().startsWith("Chargement"));
        awaitFigures();
        assertThat(((JavascriptExecutor) driver).executeScript("return window.stillTheSamePage"))
                .as("the filter is applied without reloading the page")
                .isEqualTo(true);
    }

    /** A date field is set as the browser would after the user picked a date (typing depends on the locale). */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, isoDate);
    }

    String exportLink(String id) {
        return driver.findElement(By.id(id)).getDomProperty("href");
    }

    /** Downloads a link's target with the page's session, as the browser does on a click; its bytes. */
    byte[] download(String url) {
        Object base64 = ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { credentials: 'same-origin' })
                  .then(response => response.ok ? response.arrayBuffer() : Promise.reject(response.status))
                  .then(buffer => {
                    let binary = '';
                    new Uint8Array(buffer).forEach(b => binary += String.fromCharCode(b));
                    done(btoa(binary));
                  })
                  .catch(status => done('error ' + status));
                """, url);
        assertThat((String) base64).as("download of %s", url).doesNotStartWith("error");
        return Base64.getDecoder().decode((String) base64);
    }

    /**
     * Screenshots of the whole page at the manager's width and on a phone (360 px), where nothing
     * may scroll sideways; then axe-core: no serious or critical violation (WCAG 2.1 AA rules).
     */
    void review(String name) {
        for (int width : new int[] {1400, 360}) {
            driver.manage().window().setSize(new Dimension(width, 1000));
            awaitFigures();
            Object overflow = ((JavascriptExecutor) driver)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue())
                    .as("the dashboard scrolls sideways at %d px", width)
                    .isLessThanOrEqualTo(0);
            Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
            driver.manage().window().setSize(new Dimension(width, Math.min(((Number) height).intValue() + 120, 12000)));
            chromium.saveEvidence(name + "-" + width);
        }
        driver.manage().window().setSize(new Dimension(1400, 1000));
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .map(DashboardScreen::describe)
                .toList();
        assertThat(serious).as("axe-core on the dashboard").isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
    }

    /** A screenshot of what is shown now (the window as it is). */
    void screenshot(String name) {
        chromium.saveEvidence(name);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                + rule.getNodes().stream()
                        .map(node -> node.getTarget().toString())
                        .toList();
    }
}
