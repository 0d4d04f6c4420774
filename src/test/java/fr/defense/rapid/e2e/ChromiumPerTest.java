package fr.defense.rapid.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A fresh headless Chromium for each test on the application under test, closed afterwards; on
 * failure, what the browser showed is kept (target/e2e/&lt;test&gt;.png and .html) while it is still
 * open. Subclasses open the page object they drive (Tasklist, the SME portal).
 */
abstract class ChromiumPerTest implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private HeadlessChromium chromium;
    private Staff staff;

    /** Called once the browser is up: the page object for this test. */
    abstract void open(HeadlessChromium chromium, int port);

    /** What the test does on the engine's side, around what the user does in this browser. */
    Staff staff() {
        return staff;
    }

    /** A screenshot of what the user sees now, as {@code target/e2e/<name>.png}, to be looked at. */
    void screenshot(String name) {
        chromium.saveEvidence(name);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireBrowser();
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        int port = Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
        staff = Staff.of(application);
        chromium = new HeadlessChromium();
        open(chromium, port);
    }

    /**
     * Without Chromium the browser tests are skipped, saying what to install; in CI (environment
     * variable {@code CI} set, as {@code .ci/run} does) its absence fails them instead.
     */
    static void requireBrowser() {
        boolean present = Files.isExecutable(Path.of(HeadlessChromium.CHROMIUM))
                && Files.isExecutable(Path.of(HeadlessChromium.CHROMEDRIVER));
        if (present) {
            return;
        }
        String missing = "Browser tests need Chromium and its driver at " + HeadlessChromium.CHROMIUM + " and "
                + HeadlessChromium.CHROMEDRIVER + " (Debian: apt-get install chromium chromium-driver)";
        if (System.getenv("CI") != null) {
            throw new IllegalStateException(missing + "; in CI they are required.");
        }
        Assumptions.abort(missing + ": skipped.");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && chromium != null) {
            chromium.saveEvidence(context.getRequiredTestMethod().getName());
            chromium.logWhatItShows();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
