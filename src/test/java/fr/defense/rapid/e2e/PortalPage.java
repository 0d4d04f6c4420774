package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The SME portal as an applicant sees it: pages found by their links and labels, Camunda Forms
 * rendered by form-js 2 (fields found by their label), notices, buttons. Also looks at each page
 * as a reviewer would: axe-core, and screenshots at 1280 px and 360 px wide.
 */
final class PortalPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final By READY = By.cssSelector("body[data-ready=true]");

    private final HeadlessChromium chromium;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String base;

    PortalPage(HeadlessChromium chromium, int port) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.wait = new WebDriverWait(driver, TIMEOUT);
        this.base = "http://localhost:" + port;
    }

    WebDriver driver() {
        return driver;
    }

    String base() {
        return base;
    }

    /** The login page, filled and sent; the portal then shows the page asked for, or the home page. */
    void logIn(String user, String password) {
        if (!driver.getCurrentUrl().contains("/login")) {
            driver.get(base + "/login");
        }
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("main button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        awaitReady();
    }

    void open(String path) {
        driver.get(base + path);
        awaitReady();
    }

    /** portal.js marks the body once its forms are rendered (pages without script are ready at once). */
    void awaitReady() {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
        if (!driver.findElements(By.cssSelector("script[src*='portal.js']")).isEmpty()) {
            wait.until(ExpectedConditions.presenceOfElementLocated(READY));
        }
    }

    String path() {
        return driver.getCurrentUrl().replace(base, "");
    }

    String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String mainText() {
        return driver.findElement(By.tagName("main")).getText();
    }

    void clickLink(String text) {
        driver.findElement(By.linkText(text)).click();
        awaitReady();
    }

    void clickButton(String text) {
        button(text).click();
    }

    /** Sends the form with this button and waits for the page that says this. */
    void submit(String button, String expected) {
        clickButton(button);
        awaitText(expected);
    }

    /** Waits until the page's main part says this (the page may be replaced meanwhile), then for the page to be ready. */
    void awaitText(String expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            try {
                return mainText().contains(expected);
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        awaitReady();
    }

    /** Types this text in the field with this id, in place of what it held. */
    void fill(String id, String text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    WebElement button(String text) {
        return driver.findElements(By.tagName("button")).stream()
                .filter(b -> b.getText().trim().equals(text) && b.isDisplayed())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button « " + text + " » on " + path()));
    }

    /** The input of a form-js field, by its label (the label's own text, without the required mark). */
    WebElement field(String label) {
        return wait.until(d -> d.findElements(By.cssSelector(".fjs-container label")).stream()
                .filter(l -> l.getText().replace("*", "").trim().equals(label))
                .findFirst()
                .map(l -> d.findElement(By.id(l.getDomAttribute("for"))))
                .orElse(null));
    }

    /** Types into a field as a user does (click, keys), then leaves it. */
    void type(String label, String text) {
        WebElement input = field(label);
        scrollTo(input);
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** A form-js select: its box opened (the input inside is hidden), then the option with this label chosen. */
    void choose(String label, String option) {
        WebElement input = field(label);
        WebElement box = input.findElement(By.xpath("./ancestor::div[contains(@class,'fjs-input-group')]"));
        scrollTo(box);
        // Focus opens the list, as the Tab key does; a click on an open list would close it.
        ((JavascriptExecutor) driver).executeScript("arguments[0].focus()", input);
        if (driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty()) {
            box.click();
        }
        WebElement item = wait.until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                .filter(i -> i.getText().trim().equals(option))
                .findFirst()
                .orElse(null));
        item.click();
    }

    /** Presses Tab from the top of the page until the focus is on this element, as a keyboard user does. */
    void tabTo(WebElement target) {
        ((JavascriptExecutor) driver)
                .executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)");
        for (int presses = 0; presses < 200; presses++) {
            WebElement focused = driver.switchTo().activeElement();
            if (focused.equals(target)) {
                return;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reaches " + target + " on " + path());
    }

    void check(String label) {
        WebElement box = field(label);
        scrollTo(box);
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Sends a file with the file picker of a kind of piece, then waits for the page's answer. */
    String attach(String kind, Path file) {
        WebElement picker = driver.findElement(By.id("file-" + kind));
        String before = attachmentsNotice();
        picker.sendKeys(file.toAbsolutePath().toString());
        return wait.until(d -> {
            String now = attachmentsNotice();
            return !now.isBlank() && !now.equals(before) && !now.startsWith("Envoi de") ? now : null;
        });
    }

    String attachmentsNotice() {
        List<WebElement> zones = driver.findElements(By.cssSelector("[data-attachments-alert]"));
        return zones.isEmpty() ? "" : zones.get(0).getText().trim();
    }

    /** The listed files of a kind of piece. */
    List<String> attachedFiles(String kind) {
        return driver.findElements(By.cssSelector("[data-kind=" + kind + "] ul li a")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The message of the form's alert zone once it shows. */
    String formAlert() {
        return wait.until(d -> d.findElements(By.cssSelector("[data-form-alert]")).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .findFirst()
                .orElse(null));
    }

    String draftStatus() {
        return driver.findElement(By.cssSelector("[data-draft-status]")).getText();
    }

    void awaitPath(String prefix) {
        wait.until(d -> path().startsWith(prefix));
        awaitReady();
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /**
     * Looks at the page as its users will: a full-page screenshot at 1280 px and at 360 px wide
     * ({@code target/e2e/portal-<name>-1280.png}, {@code -360.png}), and axe-core's WCAG 2.1 A/AA
     * rules with no serious or critical violation. Nothing on the page may overflow at 360 px.
     */
    void review(String name) {
        for (int width : new int[] {1280, 360}) {
            driver.manage().window().setSize(new Dimension(width, 1000));
            Object overflow = ((JavascriptExecutor) driver)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(((Number) overflow).intValue())
                    .as("page %s scrolls sideways at %d px", name, width)
                    .isLessThanOrEqualTo(0);
            fullPage();
            chromium.saveEvidence("portal-" + name + "-" + width);
        }
        driver.manage().window().setSize(new Dimension(1400, 1000));
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .map(PortalPage::describe)
                .toList();
        assertThat(serious).as("axe-core on " + path()).isEmpty();
        assertThat(results.getPasses()).isNotEmpty();
    }

    /** Headless Chromium screenshots the window: make the window as tall as the page. */
    private void fullPage() {
        Object height = ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight");
        Dimension size = driver.manage().window().getSize();
        driver.manage()
                .window()
                .setSize(new Dimension(size.getWidth(), Math.min(((Number) height).intValue() + 120, 8000)));
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " — "
                + rule.getNodes().stream()
                        .map(node -> node.getTarget().toString())
                        .toList();
    }
}
