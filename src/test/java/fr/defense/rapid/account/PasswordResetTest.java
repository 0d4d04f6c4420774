package fr.defense.rapid.account;

import static fr.defense.rapid.support.PortalSession.csrf;
import static fr.defense.rapid.support.PortalSession.link;
import static fr.defense.rapid.support.PortalSession.mails;
import static fr.defense.rapid.support.PortalSession.newSiren;
import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.PortalSession;
import fr.defense.rapid.support.StaffUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A forgotten password on the portal, over real HTTP, with the mails read from the SMTP server: an
 * active SME account gets one mail whose link sets a new password once; an unknown address and a
 * staff member's get the same answer and no mail; an expired, altered, reused or superseded link
 * changes nothing; a password the rules refuse is said in French and leaves the link usable.
 */
@AppTest
class PasswordResetTest {

    private static final String PAGE = "/portail/mot-de-passe-oublie/nouveau";
    private static final String OLD_PASSWORD = "Radar-Optique-2027!";
    private static final String NEW_PASSWORD = "Sonar-Acoustique-2028?";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void anActiveSmeAccountGetsOneMailWhoseLinkSetsTheNewPasswordOnce() throws Exception {
        PortalSession visitor = new PortalSession(port);
        String siren = newSiren();
        String email = "Claire.Martin." + siren + "@pme.example";
        String userId = visitor.openCompany(siren, email, OLD_PASSWORD);
        PortalSession signedIn = new PortalSession(port);
        assertThat(signedIn.loginRedirect(userId, OLD_PASSWORD)).endsWith("/portail");
        assertThat(signedIn.get("/portail").statusCode()).isEqualTo(200);

        // Typed in another case: still the account's address.
        HttpResponse<String> answer = requestReset(visitor, email.toLowerCase());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("Si un compte correspond à cette adresse, un courriel vient de lui être envoyé");

        String link = link(email, PAGE);
        assertThat(resetMails(email)).isEqualTo(1);
        assertThat(mails(email).stream()
                        .filter(mail -> mail.contains(PAGE))
                        .findFirst()
                        .orElseThrow())
                .startsWith("Objet : Choisissez un nouveau mot de passe")
                .contains("Votre identifiant de connexion : " + userId, "il ne sert qu'une fois");

        HttpResponse<String> form = visitor.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Choisir un nouveau mot de passe", userId);

        // Refused by the rules: said in French, nothing changed, the link still works.
        HttpResponse<String> common = setPassword(visitor, link, "motdepasse123", "motdepasse123");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("Mot de passe refusé : il doit compter au moins 12 caractères");
        HttpResponse<String> withName = setPassword(visitor, link, "claire-" + userId, "claire-" + userId);
        assertThat(withName.statusCode()).isEqualTo(422);
        assertThat(withName.body()).contains("Mot de passe refusé");
        HttpResponse<String> different = setPassword(visitor, link, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertThat(different.statusCode()).isEqualTo(422);
        assertThat(different.body()).contains("Les deux mots de passe ne sont pas identiques.");
        assertThat(identity.checkPassword(userId, OLD_PASSWORD)).isTrue();

        HttpResponse<String> done = setPassword(visitor, link, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("Mot de passe modifié", "Connectez-vous");

        assertThat(signedIn.get("/portail").statusCode())
                .as("the session opened with the old password is over")
                .isEqualTo(302);
        assertThat(new PortalSession(port).loginRedirect(userId, NEW_PASSWORD)).endsWith("/portail");
        assertThat(new PortalSession(port).loginRedirect(userId, OLD_PASSWORD)).endsWith("/login?error");
        assertThat(visitor.api(userId, NEW_PASSWORD, "/api/dossiers")).isEqualTo(200);

        // Once only.
        HttpResponse<String> again =
                setPassword(visitor, link, "Autre-Sonar-Acoustique-2029", "Autre-Sonar-Acoustique-2029");
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("Ce lien a déjà servi");
        assertThat(visitor.get(link).statusCode()).isEqualTo(410);
        assertThat(identity.checkPassword(userId, NEW_PASSWORD)).isTrue();

        String log = jdbc.sql("select kind || ';' || coalesce(client_address, '') || ';' || coalesce(detail, '') "
                        + "from account_event where account_id = :user order by id")
                .param("user", userId)
                .query(String.class)
                .list()
                .toString();
        assertThat(log)
                .contains(
                        "PASSWORD_RESET_REQUESTED;127.0.0.1;Lien envoyé par courriel", "PASSWORD_RESET_DONE;127.0.0.1")
                .doesNotContain(NEW_PASSWORD, link.substring(link.indexOf('.') + 1));
    }

    @Test
    void unknownAndStaffAddressesGetTheSameAnswerAndNoMail() throws Exception {
        PortalSession visitor = new PortalSession(port);
        String siren = newSiren();
        String unknown = "personne." + siren + "@pme.example";
        String staffEmail = "agent." + siren + "@defense.example";
        String expert = StaffUsers.newExpert(identity, "expert-" + siren, "Agent", "Cryptographie-Navale-77");
        User staff = identity.createUserQuery().userId(expert).singleResult();
        staff.setEmail(staffEmail);
        identity.saveUser(staff);
        String smeEmail = "sme." + siren + "@pme.example";
        String sme = visitor.openCompany(siren, smeEmail, OLD_PASSWORD);
        String unconfirmedSiren = newSiren();
        String unconfirmedEmail = "nouveau." + unconfirmedSiren + "@pme.example";
        String unconfirmed = visitor.registeredAccount(unconfirmedSiren, unconfirmedEmail, OLD_PASSWORD);

        String toUnknown = notice(requestReset(visitor, unknown));
        String toStaff = notice(requestReset(visitor, staffEmail));
        String toUnconfirmed = notice(requestReset(visitor, unconfirmedEmail));
        String toSme = notice(requestReset(visitor, smeEmail));
        assertThat(toUnknown).isEqualTo(toStaff).isEqualTo(toUnconfirmed).isEqualTo(toSme);

        // Requests are served in order: once the SME's mail came, the earlier ones were served too.
        link(smeEmail, PAGE);
        assertThat(mails(unknown)).isEmpty();
        assertThat(mails(staffEmail)).isEmpty();
        assertThat(mails(unconfirmedEmail).stream().filter(mail -> mail.contains(PAGE)))
                .isEmpty();
        assertThat(identity.checkPassword(expert, "Cryptographie-Navale-77")).isTrue();

        assertThat(events(expert)).contains("PASSWORD_RESET_REQUESTED;Aucun courriel : compte d'agent");
        assertThat(events(unconfirmed)).contains("PASSWORD_RESET_REQUESTED;Aucun courriel : compte non activé");
        assertThat(events(sme)).contains("PASSWORD_RESET_REQUESTED;Lien envoyé par courriel");
        assertThat(jdbc.sql("select count(*) from account_event where detail like :typed or account_id like :typed")
                        .param("typed", "%personne." + siren + "%")
                        .query(Long.class)
                        .single())
                .as("an address that is no account's leaves no line")
                .isZero();

        // A second request within the interval sends nothing more (a stranger cannot flood the mailbox).
        requestReset(visitor, smeEmail);
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> events(sme).contains("Aucun courriel : un lien a déjà été envoyé il y a moins de 5 min"));
        assertThat(resetMails(smeEmail)).isEqualTo(1);
    }

    @Test
    void expiredAlteredAndSupersededLinksChangeNothing() throws Exception {
        PortalSession visitor = new PortalSession(port);
        String siren = newSiren();
        String email = "yann." + siren + "@pme.example";
        String userId = visitor.openCompany(siren, email, OLD_PASSWORD);
        requestReset(visitor, email);
        String first = link(email, PAGE);

        String altered = first.substring(0, first.length() - 3) + (first.endsWith("abc") ? "abd" : "abc");
        assertThat(visitor.get(altered).statusCode()).isEqualTo(410);
        HttpResponse<String> forged = setPassword(visitor, altered, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(410);
        assertThat(forged.body()).contains("Ce lien n&#39;est pas valide");
        HttpResponse<String> mangled = setPassword(visitor, PAGE + "?jeton=nimportequoi", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(mangled.statusCode()).isEqualTo(410);

        // Past the interval between two mails, a second link; the first one still works until one is used.
        moveClock(Duration.ofMinutes(6));
        requestReset(visitor, email);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> resetMails(email) == 2);
        String second = lastLink(email);
        assertThat(second).isNotEqualTo(first);

        // Past its hour, the first link is refused.
        moveClock(Duration.ofMinutes(61));
        HttpResponse<String> expired = setPassword(visitor, first, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Ce lien a expiré");
        assertThat(identity.checkPassword(userId, OLD_PASSWORD)).isTrue();
        ClockUtil.reset();

        // Using the second link makes the first one (still within its hour) unusable.
        assertThat(setPassword(visitor, second, NEW_PASSWORD, NEW_PASSWORD).statusCode())
                .isEqualTo(200);
        HttpResponse<String> superseded =
                setPassword(visitor, first, "Autre-Sonar-Acoustique-2029", "Autre-Sonar-Acoustique-2029");
        assertThat(superseded.statusCode()).isEqualTo(410);
        assertThat(superseded.body()).contains("Ce lien a déjà servi");
        assertThat(identity.checkPassword(userId, NEW_PASSWORD)).isTrue();
        assertThat(events(userId)).containsOnlyOnce("PASSWORD_RESET_DONE");
    }

    private static HttpResponse<String> requestReset(PortalSession visitor, String email) throws Exception {
        String page = "/portail/mot-de-passe-oublie";
        return visitor.post(page, Map.of("email", email, "_csrf", csrf(visitor.get(page))));
    }

    private static HttpResponse<String> setPassword(PortalSession visitor, String link, String password, String again)
            throws Exception {
        String token = link.substring(link.indexOf("jeton=") + "jeton=".length());
        // The CSRF field of a page that always has one: the link's own page may be a refusal.
        String csrf = csrf(visitor.get("/portail/mot-de-passe-oublie"));
        return visitor.post(
                PAGE, Map.of("jeton", token, "password", password, "passwordConfirmation", again, "_csrf", csrf));
    }

    /** What the answer says (its notice), without what differs from one page to the next (the CSRF token). */
    private static String notice(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(200);
        String body = answer.body();
        return body.substring(body.indexOf("<main"), body.indexOf("</main>"));
    }

    private static long resetMails(String email) throws Exception {
        return mails(email).stream().filter(mail -> mail.contains(PAGE)).count();
    }

    private static String lastLink(String email) throws Exception {
        List<String> mails = mails(email);
        Matcher link =
                Pattern.compile("(" + PAGE + "\\?jeton=[A-Za-z0-9_.\\-]+)").matcher(mails.get(mails.size() - 1));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static void moveClock(Duration ahead) {
        ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(ahead)));
    }

    private String events(String userId) {
        return jdbc.sql(
                        "select kind || ';' || coalesce(detail, '') from account_event where account_id = :user order by id")
                .param("user", userId)
                .query(String.class)
                .list()
                .toString();
    }
}
