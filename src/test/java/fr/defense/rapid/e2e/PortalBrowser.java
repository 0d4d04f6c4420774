package fr.defense.rapid.e2e;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** A fresh headless Chromium on the SME portal for each test; on failure, what it showed is kept under target/e2e/. */
final class PortalBrowser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private HeadlessChromium chromium;
    private PortalPage page;
    private Staff staff;

    PortalPage page() {
        return page;
    }

    Staff staff() {
        return staff;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        TasklistBrowser.requireBrowser();
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        int port = Integer.parseInt(application.getEnvironment().getRequiredProperty("local.server.port"));
        staff = Staff.of(application);
        chromium = new HeadlessChromium();
        page = new PortalPage(chromium, port);
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
