package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.oidctest.OidcTestProvider;
import fr.defense.rapid.RapidBpmApplication;
import fr.defense.rapid.account.AccountAudit;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.TestDatabases;
import fr.defense.rapid.support.WebappSession;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on against a real OpenID Connect provider started in this JVM (Spring Authorization
 * Server, see OidcTestProvider), in headless Chromium: an agent lands in Tasklist with the groups the
 * provider's claim maps to, and works its group's tasks; an SME user matched to its account by e-mail
 * sees its dossiers in the portal; an agent the mapping does not know and a person with no SME account
 * are refused in French; password logins still work. The application runs with rapid.sso on, so in the
 * startup JVM of the pom (a second application, a second engine).
 */
@Tag("startup")
@Tag("browser")
class SingleSignOnE2ETest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provider's people and what it says of them. */
    private static final Map<String, Map<String, Object>> PEOPLE = Map.of(
            "juliette",
            Map.of(
                    "preferred_username", "juliette.garnier",
                    "given_name", "Juliette",
                    "family_name", "Garnier",
                    "email", "juliette.garnier@defense.example",
                    "groups", List.of("AID-RAPID", "DGA-EXPERTISE", "SGA-CANTINE")),
            "gaston",
            Map.of(
                    "preferred_username", "gaston.lagaffe",
                    "given_name", "Gaston",
                    "family_name", "Lagaffe",
                    "groups", List.of("SGA-CANTINE")),
            "claire",
            Map.of("given_name", "Claire", "family_name", "Martin", "email", "claire.martin@optronique-du-lac.example"),
            "inconnue",
            Map.of("given_name", "Inès", "family_name", "Connue", "email", "ines@pme-pas-inscrite.example"));

    private static OidcTestProvider provider;
    private static ConfigurableApplicationContext app;
    private static int port;

    @BeforeAll
    static void startProviderAndApplication() {
        port = OidcTestProvider.freePort();
        provider = OidcTestProvider.start("http://localhost:" + port + "/login/oauth2/code/proconnect", PEOPLE);
        String registration = "--spring.security.oauth2.client.registration.proconnect.";
        app = new SpringApplicationBuilder(RapidBpmApplication.class)
                .profiles("test")
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=" + TestDatabases.freshDatabase("sso"),
                        "--rapid.sso.enabled=true",
                        "--rapid.sso.provider-name=Fournisseur d'essai",
                        "--rapid.sso.staff.groups.rapid-secretariat=AID-RAPID",
                        "--rapid.sso.staff.groups.dga-experts=DGA-EXPERTISE,DGA-EXPERTISE-NAVALE",
                        "--rapid.sso.staff.groups.managers=MISSION-ACHATS",
                        registration + "client-id=" + OidcTestProvider.CLIENT_ID,
                        registration + "client-secret=" + OidcTestProvider.CLIENT_SECRET,
                        registration + "scope=openid,profile,email",
                        "--spring.security.oauth2.client.provider.proconnect.issuer-uri=" + provider.issuer());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAgentSignsOnAndWorksItsGroupsTasksInTasklist() throws Exception {
        String dossierNumber = submitDossier();
        TaskService tasks = app.getBean(TaskService.class);
        Task check = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceBusinessKey(dossierNumber)
                                .taskDefinitionKey("CheckCompleteness")
                                .singleResult(),
                        task -> task != null);

        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/agents");
            signInAtProvider(driver, "juliette");
            TasklistPage tasklist = new TasklistPage(driver, port);
            assertThat(tasklist.loggedInUser("Juliette Garnier")).contains("Juliette Garnier");
            assertThat(driver.getCurrentUrl()).contains("/camunda/app/tasklist/default/");

            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(Groups.of(identity, "juliette-garnier"))
                    .containsExactlyInAnyOrder(Groups.SECRETARIAT, Groups.EXPERTS);
            User user = identity.createUserQuery().userId("juliette-garnier").singleResult();
            assertThat(user.getEmail()).isEqualTo("juliette.garnier@defense.example");

            // The secretariat's task of the new dossier is in « Tâches de mes groupes », and opens.
            String groupTasks = app.getBean(FilterService.class)
                    .createFilterQuery()
                    .filterName("Tâches de mes groupes")
                    .singleResult()
                    .getId();
            assertThat(tasklist.tasksOfFilter(groupTasks)).contains(check.getId());
            tasklist.openTask(check.getId());
        });
        assertThat(auditOf("juliette-garnier"))
                .contains(
                        "LOGIN_SUCCESS juliette-garnier Authentification unique (Fournisseur d'essai), espace des agents");
    }

    @Test
    void anSmeUserSignsOnAsItsAccountAndSeesItsDossiers() throws Exception {
        String dossierNumber = submitDossier();
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/login");
            wait(driver)
                    .until(ExpectedConditions.elementToBeClickable(
                            By.linkText("Se connecter avec Fournisseur d'essai")))
                    .click();
            signInAtProvider(driver, "claire");
            wait(driver).until(ExpectedConditions.urlMatches("/portail$"));
            String page = body(driver);
            assertThat(page).contains("Connecté : pme-demo").contains(dossierNumber);
        });
        assertThat(auditOf("pme-demo"))
                .contains("LOGIN_SUCCESS pme-demo Authentification unique (Fournisseur d'essai), portail PME");
        assertThat(auditOf("claire"))
                .as("the provider's word alone is no login")
                .isEmpty();
    }

    @Test
    void anAgentTheMappingDoesNotKnowIsRefusedInFrench() {
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/agents");
            signInAtProvider(driver, "gaston");
            wait(driver).until(ExpectedConditions.urlContains("/sso/refus?motif=agent-non-habilite"));
            assertThat(body(driver))
                    .contains("Connexion refusée")
                    .contains("ne vous donne accès à aucun service de cette application");
            // No session in the webapps, no account made.
            driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
            wait(driver).until(ExpectedConditions.visibilityOfElementLocated(WebappLoginForm.PASSWORD));
        });
        assertThat(app.getBean(IdentityService.class)
                        .createUserQuery()
                        .userId("gaston-lagaffe")
                        .count())
                .isZero();
        assertThat(auditOf("gaston-lagaffe"))
                .containsExactly(
                        "LOGIN_FAILURE null Authentification unique (Fournisseur d'essai), espace des agents : "
                                + "aucun groupe du fournisseur ne correspond à un rôle");
        assertThat(auditOf("gaston")).isEmpty();
    }

    @Test
    void aPersonWithoutAnSmeAccountIsToldToRegisterOrBeInvited() {
        long users = app.getBean(IdentityService.class).createUserQuery().count();
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "inconnue");
            wait(driver).until(ExpectedConditions.urlContains("/sso/refus?motif=entreprise-inconnue"));
            assertThat(body(driver))
                    .contains("Connexion refusée")
                    .contains("aucun compte entreprise ne lui correspond")
                    .contains("Inscrivez votre entreprise")
                    .contains("de vous inviter");
            driver.get("http://localhost:" + port + "/portail");
            wait(driver).until(ExpectedConditions.urlMatches("/login$"));
        });
        assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
        assertThat(auditOf("ines@pme-pas-inscrite.example"))
                .containsExactly("LOGIN_FAILURE null Authentification unique (Fournisseur d'essai), portail PME : "
                        + "aucun compte entreprise ne correspond");
    }

    @Test
    void passwordLoginsStillWork() {
        assertThat(WebappSession.login(port, "expert", "tasklist").loginStatus())
                .isEqualTo(200);
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/login");
            wait(driver)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("pme-demo");
            driver.findElement(By.id("password")).sendKeys("pme-demo");
            driver.findElement(By.cssSelector("form button[type=submit]")).click();
            wait(driver).until(ExpectedConditions.urlMatches("/portail$"));
            assertThat(body(driver)).contains("Connecté : pme-demo");
        });
    }

    /** The provider's own login form (Spring Security's), then back to the application. */
    private static void signInAtProvider(WebDriver driver, String person) {
        wait(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(provider.issuer());
        driver.findElement(By.id("username")).sendKeys(person);
        driver.findElement(By.id("password")).sendKeys(OidcTestProvider.PASSWORD);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait(driver)
                .until(browser -> browser.getCurrentUrl().startsWith("http://localhost:" + port)
                        && !browser.getCurrentUrl().contains("/login/oauth2/code/"));
    }

    /** A fresh browser for each person: no cookie of the application or the provider is left over. */
    private static void inBrowser(Consumer<WebDriver> steps) {
        ChromiumPerTest.requireBrowser();
        try (HeadlessChromium chromium = new HeadlessChromium()) {
            try {
                steps.accept(chromium.driver());
            } catch (RuntimeException | AssertionError e) {
                chromium.saveEvidence("single-sign-on");
                chromium.logWhatItShows();
                throw e;
            }
        }
    }

    /** The account audit log's lines about this account: kind, actor, detail. */
    private static List<String> auditOf(String account) {
        return app.getBean(AccountAudit.class).latest(500).stream()
                .filter(event -> account.equals(event.accountId()))
                .map(event -> event.kind() + " " + event.actorId() + " " + event.detail())
                .toList();
    }

    private static WebDriverWait wait(WebDriver driver) {
        return new WebDriverWait(driver, TIMEOUT);
    }

    private static String body(WebDriver driver) {
        return wait(driver)
                .until(ExpectedConditions.visibilityOfElementLocated(By.tagName("body")))
                .getText();
    }

    private static String submitDossier() {
        Http.Response created = new Http(port).post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("dossierNumber").asText();
    }
}
