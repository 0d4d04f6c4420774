package fr.defense.rapid.e2e;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 and the form-js 1.8 form it renders, seen as a user sees them: labels,
 * buttons, alerts. Selectors are those of docs/stack-notes.md, "Driving Tasklist from a browser
 * test", checked again here with Selenium.
 */
final class TasklistPage {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final By LOGIN_USER = WebappLoginForm.USER;
    private static final By LOGIN_PASSWORD = WebappLoginForm.PASSWORD;
    /** The filter list is only there once the session is open. */
    private static final By LOGGED_IN = By.cssSelector(".filters, .tasks-list");

    private static final By FORM = By.cssSelector(".fjs-container");
    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By COMPLETE = By.cssSelector("button[ng-click=\"complete()\"]");
    private static final By ERROR = By.cssSelector(".alert-danger:not(.ng-hide)");
    /** The calendar of a form-js date field (flatpickr), while it is open. */
    private static final By OPEN_CALENDAR = By.cssSelector(".fjs-container .flatpickr-calendar.open");
    /** The user menu (top right), showing the user's full name; it holds "Sign out". */
    private static final By USER_MENU = By.cssSelector("li.account > a.dropdown-toggle");

    private static final By SIGN_OUT = By.cssSelector("li.account li.logout > a");
    /** The "Start process" dialog: its list of processes, then the start form and its Start button. */
    private static final By START_PROCESS = By.cssSelector(".start-process-action a[ng-click=\"open()\"]");

    private static final By START_DIALOG = By.cssSelector(".modal-content");
    private static final By START_FORM = By.cssSelector(".modal-content .fjs-container");
    private static final By START = By.cssSelector(".modal-content button[ng-click=\"startProcessInstance()\"]");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    TasklistPage(WebDriver driver, int port) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, TIMEOUT);
        this.baseUrl = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    /** Who is logged in in this browser now, if anybody. */
    private String loggedIn;

    /** Logs in through Tasklist's own form (WebappLoginForm). */
    void logIn(String user, String password) {
        submitLogin(user, password);
        wait.until(ExpectedConditions.presenceOfElementLocated(LOGGED_IN));
    }

    /** Sends the login form and returns the error Tasklist shows instead of letting the user in. */
    String refusedLogIn(String user, String password) {
        submitLogin(user, password);
        return waitForError();
    }

    private void submitLogin(String user, String password) {
        driver.get(baseUrl);
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_USER));
        } catch (TimeoutException blankPage) {
            // Seen twice in CI with a stranger's guesses running: Tasklist's page stayed blank for
            // 20 s (no script error logged). A user reloads; so does the test, once, saying so.
            System.err.println("Tasklist's login page did not show in " + TIMEOUT + ": loading it again");
            driver.get(baseUrl);
            wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_USER));
        }
        WebappLoginForm.fillAndSubmit(driver, TIMEOUT, user, password);
    }

    /**
     * Signs out whoever is logged in (through the user menu), then logs this demo user in (its
     * password is its id) and checks the user menu shows its name.
     */
    void switchTo(String user, String shownName) {
        if (loggedIn != null) {
            logOut();
        }
        logIn(user, user);
        loggedIn = user;
        String shown = loggedInUser(shownName);
        if (!shown.contains(shownName)) {
            throw new AssertionError("Tasklist shows " + shown + " logged in, not " + shownName);
        }
    }

    /** Signs out through the user menu, as a user handing over the computer does. */
    void logOut() {
        wait.until(ExpectedConditions.elementToBeClickable(USER_MENU)).click();
        wait.until(ExpectedConditions.elementToBeClickable(SIGN_OUT)).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(LOGIN_PASSWORD));
    }

    /**
     * The name the user menu shows, once it shows this one: Tasklist shows the user id until it has
     * loaded the user's profile (a test reading it at once saw « juliette-garnier »).
     */
    String loggedInUser(String expected) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(USER_MENU, expected));
        } catch (TimeoutException notShown) {
            // The caller's assertion says what the menu shows instead.
        }
        return loggedInUser();
    }

    /** The name the user menu shows for whoever is logged in. */
    String loggedInUser() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(USER_MENU))
                .getText()
                .strip();
    }

    /** "Start process", then the process by its name: the dialog shows the process's start form. */
    void openStartForm(String processName) {
        wait.until(ExpectedConditions.elementToBeClickable(START_PROCESS)).click();
        By process = By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]"
                + "//a[normalize-space(.)=" + xpathLiteral(processName) + "]");
        // The dialog's list can re-render under the first click (seen once in CI: the list stayed,
        // no form came): click again while the list is still there, three times at most.
        WebDriverWait shortly = new WebDriverWait(driver, Duration.ofSeconds(7));
        for (int attempt = 1; ; attempt++) {
            wait.until(ExpectedConditions.elementToBeClickable(process)).click();
            try {
                shortly.until(ExpectedConditions.visibilityOfElementLocated(START_FORM));
                return;
            } catch (TimeoutException listStillShown) {
                if (attempt == 3 || driver.findElements(process).isEmpty()) {
                    wait.until(ExpectedConditions.visibilityOfElementLocated(START_FORM));
                    return;
                }
            }
        }
    }

    /** Clicks Start once Tasklist enables it (form-js reports no error). */
    void start() {
        reveal(wait.until(ExpectedConditions.elementToBeClickable(START))).click();
    }

    /** On success the dialog closes. */
    void waitUntilStartDialogCloses() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(START_DIALOG));
    }

    /**
     * Opens one task by id, as a link to it would: other tests leave tasks in the same database,
     * so picking "the first Évaluation technique" of a list would not be deterministic.
     */
    void openTask(String taskId) {
        driver.get(baseUrl + "#/?task=" + taskId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(FORM));
    }

    /**
     * Shows the task list of one filter (by its id), as clicking the filter does, and waits until
     * the list has loaded: the ids of the tasks it links to, top (newest) first.
     */
    List<String> tasksOfFilter(String filterId) {
        driver.get(baseUrl + "#/?filter=" + filterId);
        By links = By.cssSelector(".tasks-list .task a[href*='task=']");
        return wait.until(browser -> {
            List<String> ids = browser.findElements(links).stream()
                    .map(link -> link.getDomAttribute("href").replaceAll(".*[?&]task=([^&]+).*", "$1"))
                    .toList();
            return ids.isEmpty() ? null : ids;
        });
    }

    /** The filters of the sidebar, in the order Tasklist shows them (the first is the one it opens). */
    List<String> filterNames() {
        By names = By.cssSelector(".task-filter h4.name");
        wait.until(ExpectedConditions.visibilityOfElementLocated(names));
        return driver.findElements(names).stream().map(TasklistPage::filterName).toList();
    }

    /** The filter Tasklist shows now. */
    String activeFilter() {
        return filterName(wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-filter.active h4.name"))));
    }

    /** A filter's name, without the count Tasklist shows beside the current one. */
    private static String filterName(WebElement name) {
        return name.findElement(By.tagName("a"))
                .getDomProperty("textContent")
                .replaceAll("\\s*\\d+\\s*$", "")
                .strip();
    }

    /**
     * Types into Tasklist's search box and presses Enter, as a user looking for a dossier does;
     * waits until every task listed matches, and answers their ids.
     */
    List<String> search(String text) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input.main-field")));
        box.click();
        box.sendKeys(text, Keys.ENTER);
        By rows = By.cssSelector(".tasks-list .task");
        return wait.until(browser -> {
            List<WebElement> shown = browser.findElements(rows);
            if (shown.isEmpty() || !shown.stream().allMatch(row -> row.getText().contains(text))) {
                return null;
            }
            return shown.stream()
                    .map(row -> row.findElement(By.cssSelector("a[href*='task=']"))
                            .getDomAttribute("href")
                            .replaceAll(".*[?&]task=([^&]+).*", "$1"))
                    .distinct()
                    .toList();
        });
    }

    /** What the task list's row of this task says (name, process, variables, deadline). */
    String rowText(String taskId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                        "//*[contains(@class,'tasks-list')]//li[.//a[contains(@href,'task=" + taskId + "')]]")))
                .getText();
    }

    /** The text of the rendered form (labels, text components). */
    String formText() {
        return driver.findElement(FORM).getText();
    }

    /** How many elements the rendered form holds that match this CSS selector (images, links…). */
    int countInForm(String css) {
        return driver.findElement(FORM).findElements(By.cssSelector(css)).size();
    }

    /** The task's title in the detail pane. */
    String taskTitle() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".task-details h2.task")))
                .getText();
    }

    /** What the Claim button says, once the task is shown. */
    String claimLabel() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(CLAIM)).getText();
    }

    /** What the whole page says now (navigation, task list, form), as the user reads it. */
    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Whether Camunda's "migrate to Camunda 8" banner is on screen. */
    boolean migrationBannerShown() {
        return driver.findElements(By.cssSelector(".ce-eol-banner")).stream().anyMatch(WebElement::isDisplayed);
    }

    /** The address of the form's link with this text (the staff file). */
    String linkInForm(String text) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//*[contains(@class,'fjs-container')]//a[contains(normalize-space(.), "
                                + xpathLiteral(text) + ")]")))
                .getDomProperty("href");
    }

    WebDriver driver() {
        return driver;
    }

    /** Claims the task; Tasklist keeps Complete disabled until the user is the assignee. */
    void claim() {
        wait.until(ExpectedConditions.elementToBeClickable(CLAIM)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(CLAIM));
    }

    /**
     * Types into the text, number or textarea field with this label: click, keyboard, then Tab
     * to leave the field. form-js 1.8 debounces text and number input (~300 ms) and only flushes
     * on blur; a re-render in between (another field changing) resets the DOM to the old value
     * and the typed text is lost. Leaving the field commits it at once, as a user moving on does.
     * Now and then the first keys still vanish in such a re-render ("Projet solide" arrives as
     * " solide"): the field is then emptied and typed again, as a user who sees it would.
     */
    void type(String label, String text) {
        for (int attempt = 1; ; attempt++) {
            WebElement input = reveal(input(label));
            input.click();
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text, Keys.TAB);
            try {
                new WebDriverWait(driver, Duration.ofSeconds(5))
                        .until(ExpectedConditions.domPropertyToBe(input, "value", text));
                return;
            } catch (TimeoutException | StaleElementReferenceException lostKeys) {
                if (attempt == 3) {
                    throw lostKeys;
                }
            }
        }
    }

    /**
     * Types a day into a form-js 1.8 date field (datetime, subtype date), as a user does with the
     * keyboard. The field is a flatpickr text input whose format is the browser's locale
     * ({@code Intl.DateTimeFormat}: "5/20/2026" in en-US, "20/05/2026" in fr-FR), so the day is
     * written by the browser's own formatter: the test does not depend on the machine's locale.
     * flatpickr parses the text on Enter (form-js sends itself one on blur too): Enter commits the
     * day, Escape closes the calendar that opened on focus, Tab leaves the field. The field then
     * shows the day in the same format; what was submitted is for the caller to check (the day
     * reaches the engine as an ISO text, "2026-11-27").
     */
    void typeDate(String label, LocalDate day) {
        WebElement input = reveal(input(label));
        String text = (String) ((JavascriptExecutor) driver)
                .executeScript(
                        "return new Intl.DateTimeFormat('default').format(new Date(arguments[0], arguments[1] - 1, arguments[2]));",
                        day.getYear(),
                        day.getMonthValue(),
                        day.getDayOfMonth());
        input.click();
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text, Keys.ENTER);
        input.sendKeys(Keys.ESCAPE, Keys.TAB);
        wait.until(ExpectedConditions.domPropertyToBe(input, "value", text));
    }

    /** What a text, number or textarea field shows now. */
    String value(String label) {
        return input(label).getDomProperty("value");
    }

    /**
     * Picks an option in a form-js select: a custom dropdown, not a native {@code <select>}. The
     * labelled input is hidden; the user clicks the box showing the choice, then the option. The
     * list also opens when the field gets the focus (Tab from the field before it), and a click
     * then closes it: click only if it is not open yet. After a choice the select keeps the focus,
     * and form-js 1.8 then ignores clicks on it: the list stays shut, however often it is clicked
     * (seen when changing the step of {@code conduct-mediation}). Then the field is made to lose
     * the focus, as when the user has clicked elsewhere, and clicked again.
     */
    void choose(String label, String optionLabel) {
        WebElement hiddenInput = input(label);
        WebElement field = hiddenInput.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
        By display = By.id(hiddenInput.getDomAttribute("id") + "-display");
        By options = By.cssSelector(".fjs-select-anchor .fjs-dropdownlist-item");
        WebElement option = option(label, optionLabel);
        // A long list scrolls inside its own box, which clips the options below its fold: scroll
        // the list (only as far as needed) before clicking, as a user does with the wheel.
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'nearest'});", option);
        try {
            option.click();
        } catch (ElementClickInterceptedException coveredByTheFieldBelow) {
            // The list sometimes opens under the next field, which then takes the click. form-js
            // selects an option on mousedown: give the option that event itself.
            ((JavascriptExecutor) driver)
                    .executeScript(
                            "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));",
                            option);
        }
        wait.until(browser -> field.findElements(options).isEmpty());
        wait.until(ExpectedConditions.textToBe(display, optionLabel));
    }

    /**
     * Whether a user can reach this option of a select: once the page and the list are scrolled as
     * far as they go, nothing (Tasklist's footer…) lies over it. Leaves the list open.
     */
    boolean optionReachable(String label, String optionLabel) {
        WebElement option = option(label, optionLabel);
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(
                "for (let e = arguments[0].parentElement; e; e = e.parentElement) { e.scrollTop = e.scrollHeight; }"
                        + "window.scrollTo(0, document.documentElement.scrollHeight);",
                option);
        return Boolean.TRUE.equals(js.executeScript(
                "const r = arguments[0].getBoundingClientRect();"
                        + "const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                        + "return r.bottom <= window.innerHeight && top !== null && arguments[0].contains(top);",
                option));
    }

    /** Opens the options of a select and answers the one with this label. */
    private WebElement option(String label, String optionLabel) {
        WebElement hiddenInput = input(label);
        WebElement field = hiddenInput.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field-select')]"));
        By display = By.id(hiddenInput.getDomAttribute("id") + "-display");
        By options = By.cssSelector(".fjs-select-anchor .fjs-dropdownlist-item");
        WebDriverWait listOpens = new WebDriverWait(driver, Duration.ofSeconds(2));
        List<WebElement> shown = null;
        for (int attempt = 1; shown == null; attempt++) {
            if (attempt > 1) {
                ((JavascriptExecutor) driver).executeScript("arguments[0].blur();", hiddenInput);
                wait.until(browser -> !hiddenInput.equals(browser.switchTo().activeElement()));
            }
            if (field.findElements(options).isEmpty()) {
                reveal(driver.findElement(display)).click();
            }
            try {
                shown = listOpens.until(browser -> {
                    List<WebElement> found = field.findElements(options);
                    return found.isEmpty() || !found.get(0).isDisplayed() ? null : found;
                });
            } catch (TimeoutException stillShut) {
                if (attempt == 3) {
                    throw new AssertionError("The options of '" + label + "' do not open", stillShut);
                }
            }
        }
        List<WebElement> listed = shown;
        return listed.stream()
                .filter(item -> item.getDomProperty("textContent").strip().equals(optionLabel))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No option '" + optionLabel + "' in " + label + ": "
                        + listed.stream()
                                .map(item -> item.getDomProperty("textContent"))
                                .toList()));
    }

    /** What a select shows as chosen (empty, or a placeholder, when nothing is). */
    String chosen(String label) {
        return driver.findElement(By.id(input(label).getDomAttribute("id") + "-display"))
                .getText()
                .strip();
    }

    /**
     * Whether the form shows a field with this label now, without waiting: form-js leaves a field
     * hidden by its {@code conditional} out of the page.
     */
    boolean showsField(String label) {
        return driver.findElements(labelled(label)).stream().anyMatch(WebElement::isDisplayed);
    }

    /**
     * Whether the form shows a group (a framed set of fields) with this label now: form-js leaves
     * a group hidden by its {@code conditional} out of the page, its fields with it.
     */
    boolean showsGroup(String label) {
        return driver
                .findElements(By.xpath("//div[contains(@class,'fjs-container')]//div[@role='group']"
                        + "[./label[normalize-space(.)=" + xpathLiteral(label) + "]]"))
                .stream()
                .anyMatch(WebElement::isDisplayed);
    }

    /** Waits until a conditional field appears. */
    void waitForField(String label) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(labelled(label)));
    }

    /** Waits until a conditional field goes away. */
    void waitUntilFieldHidden(String label) {
        wait.until(browser -> !showsField(label));
    }

    /** Ticks a checkbox (its label wraps it). */
    void check(String label) {
        WebElement checkbox = reveal(input(label));
        checkbox.click();
        wait.until(ExpectedConditions.elementSelectionStateToBe(checkbox, true));
    }

    /** The validation messages form-js shows under fields (empty when the form is valid). */
    List<String> fieldErrors() {
        return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream()
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .toList();
    }

    /**
     * Clicks Complete once Tasklist enables it (claimed, and form-js reports no error). Each field
     * was committed on leaving it (see {@link #type}), so nothing is pending in form-js.
     * <p>
     * A date field's calendar opens when the field gets the focus (Tab from the field before it)
     * and takes room in the form. A click on Complete then first closes it: the form shrinks
     * between mouse down and mouse up, the button moves, and the click is lost (nothing is sent).
     * So an open calendar is closed first, with Escape, as a user who saw it would.
     */
    void complete() {
        if (!driver.findElements(OPEN_CALENDAR).isEmpty()) {
            driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(OPEN_CALENDAR));
        }
        reveal(wait.until(ExpectedConditions.elementToBeClickable(COMPLETE))).click();
    }

    /** On success Tasklist shows no message: the form goes away. */
    void waitUntilFormCloses() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(FORM));
    }

    /** Waits for Tasklist's red alert and returns its text. */
    String waitForError() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(ERROR)).getText();
    }

    /**
     * Closes Tasklist's error notification with its ×, as the user does before trying again: it
     * floats over the bottom of the page, Complete included, until closed.
     */
    void dismissError() {
        By notification = By.cssSelector(".notifications .alert-danger");
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector(".notifications .alert-danger button.close[ng-click^='removeNotification']")))
                .click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(notification));
    }

    /** Whether Tasklist lets the user complete: it disables Complete while the form shows an error. */
    boolean canComplete() {
        return driver.findElement(COMPLETE).isEnabled();
    }

    /** Closes Tasklist's error notification if one shows (a completion the form itself stopped). */
    void dismissErrorIfShown() {
        if (!driver.findElements(By.cssSelector(".notifications .alert-danger")).isEmpty()) {
            dismissError();
        }
    }

    boolean formShown() {
        return !driver.findElements(FORM).isEmpty() && driver.findElement(FORM).isDisplayed();
    }

    /**
     * The input of a form field, found through its label: form-js ids embed a per-render random
     * form id, but each label's {@code for} names its input.
     */
    private WebElement input(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(labelled(label)));
        String id = labelElement.getDomAttribute("for");
        if (id == null || id.isBlank()) {
            throw new AssertionError("The label '" + label + "' names no input");
        }
        return driver.findElement(By.id(id));
    }

    /** The label of a form field (required fields add a mark after the text, hence "starts with"). */
    private static By labelled(String label) {
        return By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(.), "
                + xpathLiteral(label) + ")]");
    }

    /**
     * Scrolls the element to the middle of the view. WebDriver scrolls only until the element
     * touches the edge, where Tasklist's fixed footer covers it and takes the click.
     */
    private WebElement reveal(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        return element;
    }

    /** An XPath string literal for any text, apostrophes included ("d'intérêts"). */
    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
