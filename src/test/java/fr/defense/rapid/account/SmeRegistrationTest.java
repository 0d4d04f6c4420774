package fr.defense.rapid.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.TestSmtp;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SME self-registration on the portal: the account opens nothing until its address is confirmed by
 * the single-use link of the mail (read from the SMTP server); an expired or reused link is refused;
 * bad input gets French errors and changes nothing; a second registration for a SIREN that already
 * has an account opens nothing by itself (its administrator decides: see CompanyUsersTest).
 */
@AppTest
class SmeRegistrationTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern LINK =
            Pattern.compile("(/portail/inscription/confirmation\\?jeton=[A-Za-z0-9_.\\-]+)");
    private static final String PASSWORD = "Radar-Optique-2027!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void smeRegistersConfirmsItsAddressLogsInAndSubmitsADossier() throws Exception {
        String siren = newSiren();
        String email = "claire." + siren + "@pme.example";
        HttpResponse<String> registered = register(siren, email, PASSWORD);
        assertThat(registered.statusCode()).isEqualTo(200);
        String userId = "pme-" + siren + "-1";
        assertThat(registered.body()).contains("Vérifiez votre messagerie", userId);

        // Not confirmed: the password is right, but the account does not sign in (UnconfirmedLoginTest).
        assertThat(api(userId, PASSWORD, "GET", "/api/dossiers", null).statusCode())
                .isEqualTo(401);

        String link = confirmationLink(email);
        String mail = mailTo(email);
        assertThat(mail).contains("Votre identifiant de connexion : " + userId).doesNotContain(PASSWORD);
        HttpResponse<String> page = get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Activer mon compte");
        assertThat(identity.createGroupQuery().groupMember(userId).count())
                .as("opening the link (a mail scanner) confirms nothing")
                .isZero();

        HttpResponse<String> confirmed = confirm(link);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Compte activé");

        Map<String, Object> dossier = new LinkedHashMap<>(SampleDossiers.smallCompany());
        dossier.put("companySiren", siren);
        dossier.put("contactEmail", email);
        HttpResponse<String> submitted =
                api(userId, PASSWORD, "POST", "/api/dossiers", new ObjectMapper().writeValueAsString(dossier));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        // The link served once: never again.
        HttpResponse<String> again = confirm(link);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi");

        assertThat(events(userId)).contains("REGISTRATION", "CONFIRMATION");
        String tokens = jdbc.sql("select selector || verifier_hash from account_token where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .list()
                .toString();
        String verifier = link.substring(link.indexOf('.') + 1);
        assertThat(tokens).as("only the verifier's hash is stored").doesNotContain(verifier);
    }

    @Test
    void anExpiredLinkIsRefusedAndTheAccountStaysClosed() throws Exception {
        String siren = newSiren();
        String email = "yann." + siren + "@pme.example";
        assertThat(register(siren, email, PASSWORD).statusCode()).isEqualTo(200);
        String link = confirmationLink(email);

        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
        HttpResponse<String> expired;
        try {
            expired = confirm(link);
        } finally {
            ClockUtil.reset();
        }
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Ce lien a expiré");
        assertThat(identity.createGroupQuery()
                        .groupMember("pme-" + siren + "-1")
                        .count())
                .isZero();

        HttpResponse<String> forged = confirm(link.substring(0, link.length() - 3) + "abc");
        assertThat(forged.statusCode()).isEqualTo(410);
        assertThat(forged.body()).contains("Ce lien n&#39;est pas valide");
    }

    @Test
    void badInputGetsClearFrenchErrorsAndChangesNothing() throws Exception {
        long companies = count("company");
        long users = identity.createUserQuery().count();

        HttpResponse<String> refused = register("123456789", "pas-une-adresse", "court");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains(
                        "Le formulaire contient des erreurs : rien n'a été enregistré.",
                        "Numéro SIREN invalide",
                        "Adresse électronique invalide",
                        "Mot de passe refusé");
        HttpResponse<String> common = register(newSiren(), "x" + newSiren() + "@pme.example", "motdepasse123");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("Mot de passe refusé");

        assertThat(count("company")).isEqualTo(companies);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void aSecondRegistrationForAKnownSirenAsksTheAdministratorAndOpensNothing() throws Exception {
        String siren = newSiren();
        assertThat(register(siren, "premiere." + siren + "@pme.example", PASSWORD)
                        .statusCode())
                .isEqualTo(200);

        HttpResponse<String> second = register(siren, "seconde." + siren + "@pme.example", PASSWORD);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("Cette entreprise a déjà un compte", "transmise à son administrateur");
        assertThat(identity.createGroupQuery()
                        .groupMember("pme-" + siren + "-2")
                        .count())
                .isZero();
        assertThat(jdbc.sql("select role || ' ' || status from company_member where user_id = :user")
                        .param("user", "pme-" + siren + "-2")
                        .query(String.class)
                        .single())
                .isEqualTo("MEMBER UNCONFIRMED");
    }

    /** A SIREN nobody has used: 8 random digits and the Luhn key. */
    private static String newSiren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        for (int key = 0; key < 10; key++) {
            String candidate = body + key;
            if (fr.defense.rapid.dossier.Siren.isValid(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException();
    }

    private HttpResponse<String> register(String siren, String email, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companySiren", siren.substring(0, 3) + " " + siren.substring(3));
        form.put("companyName", "Optronique " + siren);
        form.put("contactName", "Claire Martin");
        form.put("contactEmail", email);
        form.put("password", password);
        form.put("passwordConfirmation", password);
        form.put("_csrf", csrf(get("/portail/inscription")));
        return post("/portail/inscription", form);
    }

    private HttpResponse<String> confirm(String link) throws Exception {
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        return post("/portail/inscription/confirmation", Map.of("jeton", token, "_csrf", csrf(get(link))));
    }

    private String confirmationLink(String email) {
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Matcher link = LINK.matcher(mailTo(email));
                            return link.find() ? link.group(1) : null;
                        },
                        found -> found != null);
    }

    private static String mailTo(String email) throws Exception {
        StringBuilder text = new StringBuilder();
        for (MimeMessage message : TestSmtp.received()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().contains(email)) {
                    text.append(TestSmtp.part(message, "text/plain"));
                }
            }
        }
        return text.toString();
    }

    private String events(String userId) {
        return jdbc.sql("select kind from account_event where account_id = :user")
                .param("user", userId)
                .query(String.class)
                .list()
                .toString();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return csrf.group(1);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String user, String password, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
