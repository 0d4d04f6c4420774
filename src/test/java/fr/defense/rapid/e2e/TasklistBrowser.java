package fr.defense.rapid.e2e;

/** A fresh headless Chromium on the application's Tasklist for each test (see ChromiumPerTest). */
final class TasklistBrowser extends ChromiumPerTest {

    private TasklistPage page;

    @Override
    void open(HeadlessChromium chromium, int port) {
        page = new TasklistPage(chromium.driver(), port);
    }

    TasklistPage page() {
        return page;
    }
}
