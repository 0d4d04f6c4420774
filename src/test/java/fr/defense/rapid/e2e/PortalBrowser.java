package fr.defense.rapid.e2e;

/** A fresh headless Chromium on the SME portal for each test (see ChromiumPerTest). */
final class PortalBrowser extends ChromiumPerTest {

    private PortalPage page;

    @Override
    void open(HeadlessChromium chromium, int port) {
        page = new PortalPage(chromium, port);
    }

    PortalPage page() {
        return page;
    }
}
