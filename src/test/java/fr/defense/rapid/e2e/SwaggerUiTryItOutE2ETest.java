package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A developer tries the SME API in Swagger UI, in headless Chromium: Authorize (HTTP Basic, as the
 * description declares), then "Try it out" on the dossier submission, and the server answers 201.
 */
@Tag("browser")
@AppTest
class SwaggerUiTryItOutE2ETest {

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;

    @BeforeEach
    void open() {
        ChromiumPerTest.requireBrowser();
        chromium = new HeadlessChromium();
    }

    @AfterEach
    void close(TestInfo test) {
        if (chromium != null) {
            chromium.saveEvidence(
                    "swagger-" + test.getTestMethod().orElseThrow().getName());
            chromium.close();
        }
    }

    @Test
    void aSubmissionTriedOutAfterAuthorizingIsCreated() throws Exception {
        WebDriver driver = chromium.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/swagger-ui/index.html");

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper button.authorize")))
                .click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector("input[type=text]")).sendKeys("pme-demo");
        dialog.findElement(By.cssSelector("input[type=password]")).sendKeys("pme-demo");
        dialog.findElement(By.cssSelector("button.authorize")).click();
        // Authorized, the dialog offers Logout and Close.
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".modal-ux button.btn-done")))
                .click();

        // Swagger UI renders the operation's details after the click: wait for each part to exist.
        String operation = "//div[contains(@class,'opblock-post')][.//*[@data-path='/api/dossiers']]";
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath(operation + "//*[contains(@class,'opblock-summary')]")))
                .click();
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath(operation + "//button[contains(@class,'try-out__btn')]")))
                .click();
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath(operation + "//textarea[contains(@class,'body-param__text')]")));
        // The example Swagger UI prefills comes from the form's schema: replace it with a real dossier.
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = '';", body);
        body.sendKeys(new ObjectMapper().writeValueAsString(SampleDossiers.smallCompany()));
        wait.until(ExpectedConditions.elementToBeClickable(
                        By.xpath(operation + "//button[contains(@class,'execute')]")))
                .click();

        String status = wait.until(browser -> browser
                .findElements(
                        By.xpath(
                                operation
                                        + "//table[contains(@class,'live-responses-table')]//td[contains(@class,'response-col_status')]"))
                .stream()
                .map(WebElement::getText)
                // The table's header row says "Code"; the response's row, the status.
                .filter(text -> text.matches("\\d{3}.*"))
                .findFirst()
                .orElse(null));
        assertThat(status).startsWith("201");
    }
}
