package fr.defense.rapid.e2e;

/** A fresh headless Chromium on the managers' dashboard for each test (see ChromiumPerTest). */
final class DashboardBrowser extends ChromiumPerTest {

    private DashboardScreen screen;

    @Override
    void open(HeadlessChromium chromium, int port) {
        screen = new DashboardScreen(chromium, port);
    }

    DashboardScreen screen() {
        return screen;
    }
}
