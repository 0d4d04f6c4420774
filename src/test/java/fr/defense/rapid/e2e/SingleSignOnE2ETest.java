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
import fr.defense.rapid.support.PortalSession;
import fr.defense.rapid.support.TestDatabases;
import fr.defense.rapid.support.WebappSession;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single sign-on against a real OpenID Connect provider started in this JVM (Spring Authorization
 * Server, see OidcTestProvider), in headless Chromium: an agent lands in Tasklist with the groups the
 * provider's claim maps to, and works its group's tasks; an SME user matched to its account by e-mail
 * sees its dossiers in the portal; an agent the mapping does not know and a person with no SME account
 * are refused in French; password logins still work. A person no account matches but whose SIRET the
 * provider gives: for a company with an account, a request waits for its administrator, who accepts
 * it on the company page, then the person signs on into the portal; for a SIREN with no account, the
 * company is created with this person as its administrator; a SIRET whose SIREN key is wrong is
 * refused in French and creates nothing. The application runs with rapid.sso on, so in the
 * startup JVM of the pom (a second application, a second engine).
 */
@Tag("startup")
@Tag("browser")
class SingleSignOnE2ETest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A company with an account (its administrator registered), and a SIREN with none: fresh each run. */
    private static final String KNOWN_SIREN = PortalSession.newSiren();

    private static final String NEW_SIREN = otherSiren(KNOWN_SIREN);
    private static final String ADMIN_EMAIL = "claire." + KNOWN_SIREN + "@pme.example";
    private static final String ADMIN_PASSWORD = "Administratrice-du-compte-2026";

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
            Map.of("given_name", "Inès", "family_name", "Connue", "email", "ines@pme-pas-inscrite.example"),
            // As ProConnect: the establishment's SIRET, whose first 9 digits are the SIREN.
            "hugo",
            Map.of(
                    "given_name",
                    "Hugo",
                    "family_name",
                    "Lefèvre",
                    "email",
                    "hugo.lefevre@" + KNOWN_SIREN + ".example",
                    "siret",
                    KNOWN_SIREN + "00012"),
            "lea",
            Map.of(
                    "given_name", "Léa",
                    "family_name", "Morel",
                    "email", "lea.morel@" + NEW_SIREN + ".example",
                    "siret", NEW_SIREN + "00018",
                    "organization", "Lasers de Bretagne"),
            "erreur",
            Map.of(
                    "given_name", "Paul",
                    "family_name", "Erreur",
                    "email", "paul@siret-faux.example",
                    "siret", "12345678900010"));

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
                        "--rapid.sso.sme.company-name-claim=organization",
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
    void anUnknownPersonOfAKnownCompanyWaitsForItsAdministratorThenSignsOn() throws Exception {
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(KNOWN_SIREN, ADMIN_EMAIL, ADMIN_PASSWORD);
        String requester = "pme-" + KNOWN_SIREN + "-2";

        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "hugo");
            wait(driver).until(ExpectedConditions.urlContains("/sso/demande?motif=demande-envoyee"));
            assertThat(body(driver))
                    .contains("Demande d'accès envoyée")
                    .contains("votre demande d'accès a été envoyée à son administrateur")
                    .contains("connectez-vous de nouveau avec Fournisseur d'essai");
            screenshot(driver, "sso-request-sent");
            // The provider's word opened nothing.
            driver.get("http://localhost:" + port + "/portail");
            wait(driver).until(ExpectedConditions.urlMatches("/login$"));
        });
        assertThat(member(requester)).isEqualTo("MEMBER AWAITING_APPROVAL hugo.lefevre@" + KNOWN_SIREN + ".example");
        assertThat(app.getBean(IdentityService.class)
                        .createUserQuery()
                        .userId(requester)
                        .memberOfGroup(Groups.SME)
                        .count())
                .isZero();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> PortalSession.mailsTo(ADMIN_EMAIL)
                        .contains("Hugo Lefèvre (hugo.lefevre@" + KNOWN_SIREN + ".example) demande à rejoindre"));

        // Again before the administrator answers: still waiting, no second request.
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "hugo");
            wait(driver).until(ExpectedConditions.urlContains("/sso/demande?motif=demande-en-attente"));
            assertThat(body(driver))
                    .contains("Demande d'accès en attente")
                    .contains("attend toujours la réponse de son administrateur")
                    .contains("aucune nouvelle demande");
            screenshot(driver, "sso-request-waiting");
        });
        assertThat(app.getBean(JdbcClient.class)
                        .sql("select count(*) from company_member where siren = :siren")
                        .param("siren", KNOWN_SIREN)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // The administrator sees the request on the company page, and accepts it.
        assertThat(admin.logIn(adminId, ADMIN_PASSWORD)).isTrue();
        String page = admin.get("/portail/entreprise").body();
        assertThat(page).contains("Hugo Lefèvre", "Accepter la demande de Hugo Lefèvre");
        HttpResponse<String> accepted = admin.submit(
                "/portail/entreprise", "/portail/entreprise/demandes/" + requester + "/acceptation", Map.of());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(302);
        assertThat(admin.get("/portail/entreprise").body()).contains("Demande acceptée : Hugo Lefèvre");
        assertThat(member(requester)).startsWith("MEMBER ACTIVE");

        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "hugo");
            wait(driver).until(ExpectedConditions.urlMatches("/portail$"));
            assertThat(body(driver)).contains("Connecté : " + requester);
        });
        assertThat(auditOf(requester))
                .containsExactly(
                        "LOGIN_SUCCESS " + requester + " Authentification unique (Fournisseur d'essai), portail PME",
                        "ACCEPTANCE " + adminId + " Demande acceptée : entreprise " + KNOWN_SIREN,
                        "LOGIN_FAILURE null Authentification unique (Fournisseur d'essai), portail PME : demande "
                                + "d'accès toujours en attente de l'administrateur de l'entreprise",
                        "LOGIN_FAILURE null Authentification unique (Fournisseur d'essai), portail PME : demande "
                                + "d'accès envoyée à l'administrateur de l'entreprise",
                        "REGISTRATION " + requester + " Entreprise " + KNOWN_SIREN
                                + " (demande à rejoindre l'entreprise), par authentification unique (Fournisseur "
                                + "d'essai)");
    }

    @Test
    void anUnknownPersonOfANewSirenOpensItsCompanyAsAdministrator() {
        String userId = "pme-" + NEW_SIREN + "-1";
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "lea");
            wait(driver).until(ExpectedConditions.urlMatches("/portail$"));
            assertThat(body(driver)).contains("Connecté : " + userId);
            driver.get("http://localhost:" + port + "/portail/entreprise");
            assertThat(body(driver)).contains("Lasers de Bretagne", "Léa Morel", "Administrateur");
        });
        assertThat(member(userId)).isEqualTo("ADMINISTRATOR ACTIVE lea.morel@" + NEW_SIREN + ".example");
        IdentityService identity = app.getBean(IdentityService.class);
        assertThat(Groups.of(identity, userId)).containsExactly(Groups.SME);
        User user = identity.createUserQuery().userId(userId).singleResult();
        assertThat(user.getFirstName() + " " + user.getLastName()).isEqualTo("Léa Morel");
        assertThat(identity.checkPassword(userId, "Un-mot-de-passe-devine-2026"))
                .as("no password anybody knows")
                .isFalse();
        assertThat(auditOf(userId))
                .containsExactly(
                        "LOGIN_SUCCESS " + userId + " Authentification unique (Fournisseur d'essai), portail PME",
                        "REGISTRATION " + userId + " Entreprise " + NEW_SIREN
                                + " (administrateur), par authentification unique (Fournisseur d'essai)");

        // The next sign-on finds the account by its address: no second company, no second account.
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "lea");
            wait(driver).until(ExpectedConditions.urlMatches("/portail$"));
            assertThat(body(driver)).contains("Connecté : " + userId);
        });
        assertThat(app.getBean(JdbcClient.class)
                        .sql("select count(*) from company_member where siren = :siren")
                        .param("siren", NEW_SIREN)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSiretWithAWrongKeyIsRefusedInFrenchAndCreatesNothing() {
        long users = app.getBean(IdentityService.class).createUserQuery().count();
        inBrowser(driver -> {
            driver.get("http://localhost:" + port + "/sso/entreprises");
            signInAtProvider(driver, "erreur");
            wait(driver).until(ExpectedConditions.urlContains("/sso/refus?motif=siret-invalide"));
            assertThat(body(driver))
                    .contains("Connexion refusée")
                    .contains("le numéro SIRET de votre entreprise qu'il a transmis n'est pas valide")
                    .contains("aucun compte n'a été créé");
            screenshot(driver, "sso-siret-invalid");
        });
        assertThat(app.getBean(IdentityService.class).createUserQuery().count()).isEqualTo(users);
        assertThat(app.getBean(JdbcClient.class)
                        .sql("select count(*) from company where siren = '123456789'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(auditOf("paul@siret-faux.example"))
                .containsExactly("LOGIN_FAILURE null Authentification unique (Fournisseur d'essai), portail PME : "
                        + "numéro SIRET ou SIREN transmis invalide");
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

    /** Role, status and address of the account's company_member row. */
    private static String member(String userId) {
        return app.getBean(JdbcClient.class)
                .sql("select role || ' ' || status || ' ' || email from company_member where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .single();
    }

    /** A screenshot of the page, to look at: target/e2e/<name>.png. */
    private static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(HeadlessChromium.EVIDENCE);
            Files.copy(
                    ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                    HeadlessChromium.EVIDENCE.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String otherSiren(String taken) {
        String siren = PortalSession.newSiren();
        return siren.equals(taken) ? otherSiren(taken) : siren;
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
