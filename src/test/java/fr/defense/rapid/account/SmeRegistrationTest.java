package fr.defense.rapid.account;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.PortalSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
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

    private static final String PASSWORD = "Radar-Optique-2027!";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    PortalSession visitor;

    @BeforeEach
    void setUp() {
        visitor = new PortalSession(port);
    }

    @Test
    void smeRegistersConfirmsItsAddressLogsInAndSubmitsADossier() throws Exception {
        String siren = PortalSession.newSiren();
        String email = "claire." + siren + "@pme.example";
        HttpResponse<String> registered = register(siren, email, PASSWORD);
        assertThat(registered.statusCode()).isEqualTo(200);
        String userId = "pme-" + siren + "-1";
        assertThat(registered.body()).contains("Vérifiez votre messagerie", userId);

        // Not confirmed: the password is right, but the account does not sign in (UnconfirmedLoginTest).
        assertThat(new Http(port)
                        .password(userId, PASSWORD)
                        .get(userId, "/api/dossiers")
                        .status())
                .isEqualTo(401);

        String link = confirmationLink(email);
        String mail = PortalSession.mailsTo(email);
        assertThat(mail).contains("Votre identifiant de connexion : " + userId).doesNotContain(PASSWORD);
        HttpResponse<String> page = visitor.get(link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Activer mon compte");
        assertThat(identity.createGroupQuery().groupMember(userId).count())
                .as("opening the link (a mail scanner) confirms nothing")
                .isZero();

        HttpResponse<String> confirmed = visitor.confirm(link);
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Compte activé");

        Map<String, Object> dossier = new LinkedHashMap<>(SampleDossiers.smallCompany());
        dossier.put("companySiren", siren);
        dossier.put("contactEmail", email);
        Http.Response submitted = new Http(port).password(userId, PASSWORD).post(userId, "/api/dossiers", dossier);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        // The link served once: never again.
        HttpResponse<String> again = visitor.confirm(link);
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
        String siren = PortalSession.newSiren();
        String email = "yann." + siren + "@pme.example";
        assertThat(register(siren, email, PASSWORD).statusCode()).isEqualTo(200);
        String link = confirmationLink(email);

        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
        HttpResponse<String> expired;
        try {
            expired = visitor.confirm(link);
        } finally {
            ClockUtil.reset();
        }
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Ce lien a expiré");
        assertThat(identity.createGroupQuery()
                        .groupMember("pme-" + siren + "-1")
                        .count())
                .isZero();

        HttpResponse<String> forged = visitor.confirm(link.substring(0, link.length() - 3) + "abc");
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
        HttpResponse<String> common =
                register(PortalSession.newSiren(), "x" + PortalSession.newSiren() + "@pme.example", "motdepasse123");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("Mot de passe refusé");

        assertThat(count("company")).isEqualTo(companies);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void aSecondRegistrationForAKnownSirenAsksTheAdministratorAndOpensNothing() throws Exception {
        String siren = PortalSession.newSiren();
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

    /** Registers through the form, the SIREN typed with a space as people do (« 732 829320 »). */
    private HttpResponse<String> register(String siren, String email, String password) throws Exception {
        String typed = siren.length() == 9 ? siren.substring(0, 3) + " " + siren.substring(3) : siren;
        return visitor.register(typed, email, "Claire Martin", password);
    }

    private static String confirmationLink(String email) {
        return PortalSession.link(email, "/portail/inscription/confirmation");
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
}
