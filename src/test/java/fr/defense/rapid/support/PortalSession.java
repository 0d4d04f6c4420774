package fr.defense.rapid.support;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * One visitor of the portal's HTML pages, as a browser without script: its own cookies (session,
 * CSRF), forms sent with the page's CSRF field, redirects not followed. Also what the account
 * tests share: a new SIREN, a company opened by registration and confirmation, mails read from
 * the SMTP server.
 */
public final class PortalSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final int port;
    private final String base;

    public PortalSession(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a form of the page {@code from}, with that page's CSRF token. */
    public HttpResponse<String> submit(String from, String path, Map<String, String> fields) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf(get(from)));
        return post(path, form);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return client.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in with the portal's login form; true if the portal let the user in (not back to the login page). */
    public boolean logIn(String user, String password) throws Exception {
        HttpResponse<String> answer = submit("/login", "/login", Map.of("username", user, "password", password));
        String location = answer.headers().firstValue("Location").orElse("");
        return answer.statusCode() == 302 && !location.contains("/login");
    }

    /** Signs in with the portal's login form: where the portal sends the browser (the portal, or a login page saying why not). */
    public String loginRedirect(String user, String password) throws Exception {
        HttpResponse<String> answer = submit("/login", "/login", Map.of("username", user, "password", password));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** A GET of the SME API with HTTP Basic and this password: its status. */
    public int api(String user, String password, String path) {
        return new Http(port).password(user, password).get(user, path).status();
    }

    /** Registers a company, its address left unconfirmed: the account's id. */
    public String registeredAccount(String siren, String email, String password) throws Exception {
        HttpResponse<String> registered = register(siren, email, "Claire Martin", password);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        return "pme-" + siren + "-1";
    }

    /** Registers a company with its first user and confirms the address: its ACTIVE administrator's id. */
    public String openCompany(String siren, String email, String password) throws Exception {
        HttpResponse<String> registered = register(siren, email, "Claire Martin", password);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        HttpResponse<String> confirmed = confirm(link(email, "/portail/inscription/confirmation"));
        assertThat(confirmed.body()).contains("Compte activé");
        return "pme-" + siren + "-1";
    }

    public HttpResponse<String> register(String siren, String email, String name, String password) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companySiren", siren);
        form.put("companyName", "Optronique " + siren);
        form.put("contactName", name);
        form.put("contactEmail", email);
        form.put("password", password);
        form.put("passwordConfirmation", password);
        return submit("/portail/inscription", "/portail/inscription", form);
    }

    public HttpResponse<String> confirm(String link) throws Exception {
        return submit(link, "/portail/inscription/confirmation", Map.of("jeton", token(link)));
    }

    /** The token of a link ({@code ...?jeton=...}). */
    public static String token(String link) {
        return link.substring(link.indexOf("jeton=") + "jeton=".length());
    }

    /** The latest link starting with this path in the mails to this address (waits for it). */
    public static String link(String email, String path) {
        Pattern link = Pattern.compile("(" + Pattern.quote(path) + "\\?jeton=[A-Za-z0-9_.\\-]+)");
        return Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            Matcher found = link.matcher(mailsTo(email));
                            String last = null;
                            while (found.find()) {
                                last = found.group(1);
                            }
                            return last;
                        },
                        found -> found != null);
    }

    /** The text of every mail to this address, oldest first. */
    public static String mailsTo(String email) throws Exception {
        return String.join("\n", mails(email));
    }

    /** Every mail to this address (its address compared without regard to case), oldest first: subject and text. */
    public static List<String> mails(String email) throws Exception {
        List<String> texts = new ArrayList<>();
        for (MimeMessage message : TestSmtp.received()) {
            for (Address to : message.getAllRecipients()) {
                if (to.toString().toLowerCase(Locale.ROOT).contains(email.toLowerCase(Locale.ROOT))) {
                    texts.add("Objet : " + message.getSubject() + "\n" + TestSmtp.part(message, "text/plain"));
                }
            }
        }
        return texts;
    }

    /** A SIREN nobody has used: 8 random digits and the Luhn key. */
    public static String newSiren() {
        while (true) {
            String body = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
            for (int key = 0; key < 10; key++) {
                if (fr.defense.rapid.dossier.Siren.isValid(body + key)) {
                    return body + key;
                }
            }
        }
    }

    public static String csrf(HttpResponse<String> page) {
        Matcher csrf = CSRF_FIELD.matcher(page.body());
        assertThat(csrf.find()).as(page.body()).isTrue();
        return csrf.group(1);
    }
}
