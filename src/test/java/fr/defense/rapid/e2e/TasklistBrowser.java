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
 * A fresh headless Chromium on the application's Tasklist for each test; on failure, what the
 * browser showed is kept (target/e2e/&lt;test&gt;.png and .html) while it is still open.
 */
final class TasklistBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private HeadlessChromium chromium;
    private TasklistPage page;
    private Staff staff;

    /** A screenshot of what the user sees now, as {@code target/e2e/<name>.png}, to be looked at. */
    void screenshot(String name) {
        chromium.saveEvidence(name);
    }

    TasklistPage page() {
        return page;
    }

    /** What the test does on the engine's side, around what the user does in this browser. */
    Staff staff() {
        return staff;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requireBrowser();
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        int port = Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
        staff = Staff.of(application);
        chromium = new HeadlessChromium();
        page = new TasklistPage(chromium.driver(), port);
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
