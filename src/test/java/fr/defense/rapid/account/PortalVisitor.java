package fr.defense.rapid.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.dossier.Siren;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * A visitor of the portal's account pages over real HTTP, with its own cookies (session, CSRF),
 * as a browser without script would: it fills and posts the forms with their CSRF field, and reads
 * the mails the application sent from the test SMTP server.
 */
final class PortalVisitor {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient browser =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    PortalVisitor(int port) {
        this.port = port;
    }

    /** Registers a company and confirms its address by the mailed link: an active SME account's id. */
    String activeSmeAccount(String siren, String email, String password) throws Exception {
        String userId = registeredAccount(siren, email, password);
        String link = awaitLink(email, "/portail/inscription/confirmation");
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        HttpResponse<String> confirmed =
                post("/portail/inscription/confirmation", Map.of("jeton", token, "_csrf", csrf(get(link))));
        assertThat(confirmed.body()).contains("Compte activé");
        return userId;
    }

    /** Registers a company, its address left unconfirmed: the account's id. */
    String registeredAccount(String siren, String email, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companySiren", siren);
        form.put("companyName", "Optronique " + siren);
        form.put("contactName", "Claire Martin");
        form.put("contactEmail", email);
        form.put("password", password);
        form.put("passwordConfirmation", password);
        form.put("_csrf", csrf(get("/portail/inscription")));
        HttpResponse<String> registered = post("/portail/inscription", form);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        return "pme-" + siren + "-1";
    }

    /** Signs in on the portal's login page: where it sends the browser. */
    String logIn(String user, String password) throws Exception {
        HttpResponse<String> answer =
                post("/login", Map.of("username", user, "password", password, "_csrf", csrf(get("/login"))));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** The path of the first link to this page in a mail to this address, once the mail came. */
    static String awaitLink(String email, String page) {
        Pattern link = Pattern.compile("(" + Pattern.quote(page) + "\\?jeton=[A-Za-z0-9_.\\-]+)");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Matcher found = link.matcher(String.join("\n", mailsTo(email)));
                            return found.find() ? found.group(1) : null;
                        },
                        found -> found != null);
    }

    /** The text of every mail received for this address. */
    static List<String> mailsTo(String email) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : TestSmtp.received()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().equalsIgnoreCase(email)) {
                    texts.add(message.getSubject() + "\n" + TestSmtp.part(message, "text/plain"));
                }
            }
        }
        return texts;
    }

    static String csrf(HttpResponse<String> page) {
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return csrf.group(1);
    }

    HttpResponse<String> get(String path) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
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

    /** A GET of the SME API with HTTP Basic: its status. */
    int api(String user, String password, String path) throws Exception {
        String credentials =
                Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Basic " + credentials)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** A SIREN nobody has used: 8 random digits and the Luhn key. */
    static String newSiren() {
        String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        for (int key = 0; key < 10; key++) {
            if (Siren.isValid(body + key)) {
                return body + key;
            }
        }
        throw new IllegalStateException();
    }
}
