package fr.defense.rapid.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. Both paths are given
 * explicitly so that Selenium Manager never runs (it would try to download a browser and a
 * driver, and this machine has no internet access). Each instance gets a fresh profile
 * directory, deleted on {@link #close()}, so no cookie or session leaks between tests.
 */
final class HeadlessChromium implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("e2e.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("e2e.chromedriver", "/usr/bin/chromedriver");

    /** Where failure evidence (screenshot, page source) goes. */
    static final Path EVIDENCE = Path.of("target", "e2e");

    private final Path profile;
    private final ChromeDriver driver;

    HeadlessChromium() {
        try {
            profile = Files.createTempDirectory("rapid-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            deleteProfile();
            throw e;
        }
        // Explicit waits only: an implicit wait would slow down every "is it absent?" check.
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves a screenshot and the current DOM as {@code target/e2e/<name>.png|.html}. */
    void saveEvidence(String name) {
        try {
            Files.createDirectories(EVIDENCE);
            Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(png, EVIDENCE.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(
                    EVIDENCE.resolve(name + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the browser's evidence for " + name + ": " + e);
        }
    }

    /** On a failure: CI keeps the log, not target/, so what the user saw and the console go there. */
    void logWhatItShows() {
        try {
            String shown = driver.findElement(By.tagName("body")).getText();
            System.err.println("Browser at " + driver.getCurrentUrl() + " showed: «"
                    + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown) + "»");
            driver.manage()
                    .logs()
                    .get(LogType.BROWSER)
                    .forEach(entry -> System.err.println("Browser console: " + entry));
        } catch (RuntimeException e) {
            System.err.println("Could not read what the browser shows: " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteProfile();
        }
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // Chromium may still be writing while it exits; a leftover temp dir is harmless.
        }
    }
}
