package fr.defense.rapid.account;

import static fr.defense.rapid.support.PortalSession.link;
import static fr.defense.rapid.support.PortalSession.mailsTo;
import static fr.defense.rapid.support.PortalSession.newSiren;
import static fr.defense.rapid.support.PortalSession.token;
import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.PortalSession;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A company's administrator manages its users on the portal (issue 15): invites a colleague by
 * e-mail (the link read from the SMTP server), removes a user, accepts or refuses a request to join
 * sent by a registration for the company's SIREN. Nobody else acts, and a refusal changes nothing.
 * Also: two first registrations of one SIREN at once end with the form and a French message.
 */
@AppTest
class CompanyUsersTest {

    private static final String PASSWORD = "Radar-Optique-2027!";
    private static final String OTHER_PASSWORD = "Gyroscope-Laser-2028?";
    private static final String INVITATION = "/portail/inscription/invitation";
    private static final String PAGE = "/portail/entreprise";

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anInvitedColleagueCreatesTheAccountSignsInAndSeesTheCompanyReadOnly() throws Exception {
        String siren = newSiren();
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(siren, "claire." + siren + "@pme.example", PASSWORD);
        assertThat(admin.logIn(adminId, PASSWORD)).isTrue();
        HttpResponse<String> page = admin.get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Optronique " + siren, "Inviter un collègue", "Administrateur", "Mon entreprise");

        String email = "paul." + siren + "@pme.example";
        HttpResponse<String> invited = invite(admin, email);
        assertThat(invited.statusCode()).isEqualTo(302);
        assertThat(admin.get(PAGE).body()).contains("Invitation envoyée à " + email, "pme-" + siren + "-2");
        String colleagueId = "pme-" + siren + "-2";
        assertThat(row(colleagueId)).isEqualTo("MEMBER INVITED " + siren);
        assertThat(mailsTo(email)).contains("Optronique " + siren, "Votre identifiant de connexion : " + colleagueId);

        String link = link(email, INVITATION);
        PortalSession colleague = new PortalSession(port);
        HttpResponse<String> form = colleague.get(link);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Rejoindre le compte de votre entreprise", colleagueId);

        HttpResponse<String> wrong = accept(colleague, link, "", PASSWORD, "autre chose");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("rien n'a été enregistré", "Indiquez vos prénom et nom", "ne sont pas identiques")
                .contains("aria-describedby=\"contactName-error");
        HttpResponse<String> common = accept(colleague, link, "Paul Durand", "motdepasse123", "motdepasse123");
        assertThat(common.statusCode()).isEqualTo(422);
        assertThat(common.body()).contains("Mot de passe refusé");
        assertThat(identity.createUserQuery().userId(colleagueId).count()).isZero();

        HttpResponse<String> accepted = accept(colleague, link, "Paul Durand", OTHER_PASSWORD, OTHER_PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("Compte créé", colleagueId);
        assertThat(row(colleagueId)).isEqualTo("MEMBER ACTIVE " + siren);
        assertThat(groups(colleagueId)).containsExactly("sme");

        assertThat(colleague.logIn(colleagueId, OTHER_PASSWORD)).isTrue();
        assertThat(colleague.get("/portail").statusCode()).isEqualTo(200);
        HttpResponse<String> readOnly = colleague.get(PAGE);
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body())
                .contains("Paul Durand (vous)", "Claire Martin", "Seul l'administrateur du compte")
                .doesNotContain("Inviter un collègue", "Retirer");

        HttpResponse<String> again =
                accept(new PortalSession(port), link, "Paul Durand", OTHER_PASSWORD, OTHER_PASSWORD);
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("a déjà servi");

        assertThat(events(colleagueId)).contains("INVITATION " + adminId, "ACCEPTANCE " + colleagueId);
        assertThat(detail(colleagueId, "INVITATION")).contains(email, siren);

        // One address, one live account: a colleague's, the administrator's, a demo user's.
        for (String taken :
                List.of(email, "CLAIRE." + siren + "@pme.example", "yann.legoff@armor-composites.example")) {
            HttpResponse<String> refused = invite(admin, taken);
            assertThat(refused.statusCode()).as(taken).isEqualTo(422);
            assertThat(refused.body()).contains("déjà celle d&#39;un compte", "aria-invalid=\"true\"");
        }
        HttpResponse<String> invalid = invite(admin, "pas-une-adresse");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("Adresse électronique invalide");
        assertThat(count(siren)).isEqualTo(2);
    }

    @Test
    void expiredReplacedAndAlteredInvitationLinksOpenNothing() throws Exception {
        String siren = newSiren();
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(siren, "claire." + siren + "@pme.example", PASSWORD);
        assertThat(admin.logIn(adminId, PASSWORD)).isTrue();
        String email = "lea." + siren + "@pme.example";
        invite(admin, email);
        String first = link(email, INVITATION);

        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(8))));
        HttpResponse<String> expired;
        HttpResponse<String> expiredPost;
        try {
            expired = new PortalSession(port).get(first);
            expiredPost = accept(new PortalSession(port), first, "Léa Petit", OTHER_PASSWORD, OTHER_PASSWORD);
        } finally {
            ClockUtil.reset();
        }
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("Ce lien d&#39;invitation a expiré");
        assertThat(expiredPost.statusCode()).isEqualTo(410);
        assertThat(identity.createUserQuery().userId("pme-" + siren + "-2").count())
                .isZero();

        // Invited again: a new link, the same reserved account; the first link stays dead.
        invite(admin, email);
        String second = Awaitility.await().until(() -> link(email, INVITATION), found -> !found.equals(first));
        String altered = second.substring(0, second.length() - 3) + (second.endsWith("abc") ? "xyz" : "abc");
        HttpResponse<String> forged =
                accept(new PortalSession(port), altered, "Léa Petit", OTHER_PASSWORD, OTHER_PASSWORD);
        assertThat(forged.statusCode()).isEqualTo(410);
        assertThat(forged.body()).contains("Ce lien d&#39;invitation n&#39;est pas valide");
        HttpResponse<String> tampered = new PortalSession(port).get(INVITATION + "?jeton=n-importe-quoi");
        assertThat(tampered.statusCode()).isEqualTo(410);

        HttpResponse<String> accepted =
                accept(new PortalSession(port), second, "Léa Petit", OTHER_PASSWORD, OTHER_PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(count(siren)).isEqualTo(2);
        assertThat(row("pme-" + siren + "-2")).isEqualTo("MEMBER ACTIVE " + siren);
    }

    @Test
    void aRemovedUserCanNoLongerUseThePortalTheOthersCan() throws Exception {
        String siren = newSiren();
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(siren, "claire." + siren + "@pme.example", PASSWORD);
        assertThat(admin.logIn(adminId, PASSWORD)).isTrue();
        String colleagueId = invitedColleague(admin, siren, "marc");
        PortalSession colleague = new PortalSession(port);
        assertThat(colleague.logIn(colleagueId, OTHER_PASSWORD)).isTrue();
        assertThat(colleague.get("/portail").statusCode()).isEqualTo(200);

        HttpResponse<String> asked = admin.get(PAGE + "/utilisateurs/" + colleagueId + "/retrait");
        assertThat(asked.statusCode()).isEqualTo(200);
        assertThat(asked.body()).contains("Retirer marc Collègue ?", "Revenir sans rien changer");
        assertThat(colleague
                        .get(PAGE + "/utilisateurs/" + colleagueId + "/retrait")
                        .statusCode())
                .isEqualTo(403);
        assertThat(row(colleagueId)).as("asking changes nothing").isEqualTo("MEMBER ACTIVE " + siren);
        HttpResponse<String> removed = admin.submit(PAGE, PAGE + "/utilisateurs/" + colleagueId + "/retrait", Map.of());
        assertThat(removed.statusCode()).isEqualTo(302);
        assertThat(admin.get(PAGE).body()).contains("est retiré(e) du compte de l&#39;entreprise", "Retiré");
        assertThat(row(colleagueId))
                .as("the row stays, for the dossiers they filed")
                .isEqualTo("MEMBER REMOVED " + siren);
        assertThat(groups(colleagueId)).isEmpty();

        assertThat(colleague.get("/portail").statusCode())
                .as("the open session ended")
                .isNotEqualTo(200);
        PortalSession again = new PortalSession(port);
        assertThat(again.loginRedirect(colleagueId, OTHER_PASSWORD))
                .as("the right password: the login page says why")
                .endsWith("/login?removed");
        assertThat(again.get("/login?removed").body()).contains("Ce compte a été retiré du compte de votre entreprise");
        assertThat(again.get("/portail").statusCode()).as("no session").isEqualTo(302);
        assertThat(again.get(PAGE).statusCode()).isEqualTo(302);
        assertThat(new PortalSession(port).loginRedirect(colleagueId, "Pas-Le-Bon-Mot-2027"))
                .as("a wrong password learns nothing of the account's state")
                .endsWith("/login?error");

        assertThat(admin.get("/portail").statusCode()).isEqualTo(200);
        PortalSession adminAgain = new PortalSession(port);
        assertThat(adminAgain.logIn(adminId, PASSWORD)).isTrue();
        assertThat(adminAgain.get("/portail").statusCode()).isEqualTo(200);
        assertThat(events(colleagueId)).contains("REMOVAL " + adminId);
        assertThat(jdbc.sql("select detail from account_event where account_id = :user and kind = 'LOGIN_FAILURE'")
                        .param("user", colleagueId)
                        .query(String.class)
                        .list())
                .contains("Portail PME : compte retiré de l'entreprise");

        HttpResponse<String> twice = admin.submit(PAGE, PAGE + "/utilisateurs/" + colleagueId + "/retrait", Map.of());
        assertThat(twice.statusCode()).isEqualTo(409);
        HttpResponse<String> himself = admin.submit(PAGE, PAGE + "/utilisateurs/" + adminId + "/retrait", Map.of());
        assertThat(himself.statusCode()).isEqualTo(409);
        assertThat(himself.body()).contains("Vous êtes le seul administrateur", "Rien n&#39;a été modifié");
        assertThat(row(adminId)).isEqualTo("ADMINISTRATOR ACTIVE " + siren);
        assertThat(groups(adminId)).containsExactly("sme");
    }

    @Test
    void onlyTheCompanysAdministratorActsAndARefusalChangesNothing() throws Exception {
        String siren = newSiren();
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(siren, "claire." + siren + "@pme.example", PASSWORD);
        assertThat(admin.logIn(adminId, PASSWORD)).isTrue();
        String colleagueId = invitedColleague(admin, siren, "ines");
        PortalSession colleague = new PortalSession(port);
        assertThat(colleague.logIn(colleagueId, OTHER_PASSWORD)).isTrue();
        long events = administrationEvents();

        HttpResponse<String> invite = invite(colleague, "nouveau." + siren + "@pme.example");
        assertThat(invite.statusCode()).isEqualTo(403);
        assertThat(invite.body()).contains("Action réservée à l&#39;administrateur", "Rien n&#39;a été modifié");
        HttpResponse<String> remove = colleague.submit(PAGE, PAGE + "/utilisateurs/" + adminId + "/retrait", Map.of());
        assertThat(remove.statusCode()).isEqualTo(403);
        assertThat(colleague
                        .submit(PAGE, PAGE + "/demandes/" + adminId + "/acceptation", Map.of())
                        .statusCode())
                .isEqualTo(403);

        // Another company's administrator: our users are « introuvables » to them, our page is theirs.
        String otherSiren = newSiren();
        PortalSession outsider = new PortalSession(port);
        String outsiderId = outsider.openCompany(otherSiren, "yves." + otherSiren + "@pme.example", PASSWORD);
        assertThat(outsider.logIn(outsiderId, PASSWORD)).isTrue();
        HttpResponse<String> foreign =
                outsider.submit(PAGE, PAGE + "/utilisateurs/" + colleagueId + "/retrait", Map.of());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).contains("Utilisateur introuvable");
        assertThat(outsider.get(PAGE).body())
                .contains("Optronique " + otherSiren)
                .doesNotContain(colleagueId);

        // An SME user with no company row (the demo's pme-other), and an agent.
        PortalSession noCompany = new PortalSession(port);
        assertThat(noCompany.logIn("pme-other", "pme-other")).isTrue();
        HttpResponse<String> none = noCompany.get(PAGE);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body())
                .contains("Aucune entreprise n&#39;est rattachée à votre compte")
                .doesNotContain("Mon entreprise</a>");
        PortalSession agent = new PortalSession(port);
        agent.logIn("secretariat", "secretariat");
        assertThat(agent.get(PAGE).statusCode()).isEqualTo(403);

        assertThat(row(adminId)).isEqualTo("ADMINISTRATOR ACTIVE " + siren);
        assertThat(row(colleagueId)).isEqualTo("MEMBER ACTIVE " + siren);
        assertThat(count(siren)).isEqualTo(2);
        assertThat(administrationEvents())
                .as("no invitation, acceptance or removal recorded")
                .isEqualTo(events);
    }

    @Test
    void aRegistrationForAKnownSirenWaitsForTheAdministratorWhoAcceptsOrRefuses() throws Exception {
        String siren = newSiren();
        String adminEmail = "claire." + siren + "@pme.example";
        PortalSession admin = new PortalSession(port);
        String adminId = admin.openCompany(siren, adminEmail, PASSWORD);
        assertThat(admin.logIn(adminId, PASSWORD)).isTrue();

        String email = "helene." + siren + "@pme.example";
        PortalSession requester = new PortalSession(port);
        HttpResponse<String> registered = requester.register(siren, email, "Hélène Roux", OTHER_PASSWORD);
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.body()).contains("Cette entreprise a déjà un compte", "transmise à son administrateur");
        String requesterId = "pme-" + siren + "-2";
        HttpResponse<String> confirmed = requester.confirm(link(email, "/portail/inscription/confirmation"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body())
                .contains("Demande transmise à l&#39;administrateur", "une fois votre demande acceptée");
        assertThat(row(requesterId)).isEqualTo("MEMBER AWAITING_APPROVAL " + siren);
        assertThat(groups(requesterId)).isEmpty();
        PortalSession waiting = new PortalSession(port);
        assertThat(waiting.loginRedirect(requesterId, OTHER_PASSWORD)).endsWith("/login?awaiting");
        assertThat(waiting.get("/login?awaiting").body()).contains("attend l&#39;accord de son administrateur");
        assertThat(waiting.get("/portail").statusCode())
                .as("waiting: no portal yet")
                .isEqualTo(302);

        String adminMail = Awaitility.await().until(() -> mailsTo(adminEmail), text -> text.contains("Hélène Roux"));
        assertThat(adminMail).contains("demande à rejoindre le compte de l'entreprise", email, "/portail/entreprise");
        HttpResponse<String> page = admin.get(PAGE);
        assertThat(page.body()).contains("Demandes à examiner", "Hélène Roux", "Accepter la demande de Hélène Roux");

        HttpResponse<String> accepted =
                admin.submit(PAGE, PAGE + "/demandes/" + requesterId + "/acceptation", Map.of());
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(admin.get(PAGE).body())
                .contains("Demande acceptée : Hélène Roux")
                .doesNotContain("Demandes à examiner");
        assertThat(row(requesterId)).isEqualTo("MEMBER ACTIVE " + siren);
        assertThat(groups(requesterId)).containsExactly("sme");
        Awaitility.await().until(() -> mailsTo(email), text -> text.contains("a accepté votre demande"));
        PortalSession member = new PortalSession(port);
        assertThat(member.logIn(requesterId, OTHER_PASSWORD)).isTrue();
        assertThat(member.get("/portail").statusCode()).isEqualTo(200);
        assertThat(events(requesterId)).contains("REGISTRATION " + requesterId, "ACCEPTANCE " + adminId);
        assertThat(admin.submit(PAGE, PAGE + "/demandes/" + requesterId + "/refus", Map.of())
                        .statusCode())
                .as("handled already")
                .isEqualTo(409);

        // A third one, refused: the request is closed, the account that never opened anything is gone.
        String refusedEmail = "zoe." + siren + "@pme.example";
        PortalSession third = new PortalSession(port);
        third.register(siren, refusedEmail, "Zoé Lambert", OTHER_PASSWORD);
        third.confirm(link(refusedEmail, "/portail/inscription/confirmation"));
        String refusedId = "pme-" + siren + "-3";
        assertThat(row(refusedId)).isEqualTo("MEMBER AWAITING_APPROVAL " + siren);
        HttpResponse<String> refused = admin.submit(PAGE, PAGE + "/demandes/" + refusedId + "/refus", Map.of());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(admin.get(PAGE).body()).contains("Demande refusée : Zoé Lambert");
        assertThat(row(refusedId)).isEqualTo("MEMBER REMOVED " + siren);
        assertThat(identity.createUserQuery().userId(refusedId).count()).isZero();
        Awaitility.await().until(() -> mailsTo(refusedEmail), text -> text.contains("n'a pas accepté votre demande"));
        assertThat(events(refusedId)).contains("REMOVAL " + adminId);
        assertThat(new PortalSession(port).logIn(refusedId, OTHER_PASSWORD)).isFalse();
    }

    /**
     * A company whose first registrant never confirmed: once that registration is forgotten, the
     * next registrant to confirm becomes the administrator and finds the request that was waiting.
     */
    @Test
    void aRequestWhoseAdministratorNeverConfirmedIsNotLeftWaitingForNobody() throws Exception {
        String siren = newSiren();
        new PortalSession(port).register(siren, "oubli." + siren + "@pme.example", "Jean Oubli", PASSWORD);
        String waitingEmail = "attente." + siren + "@pme.example";
        PortalSession waiting = new PortalSession(port);
        waiting.register(siren, waitingEmail, "Anne Attente", OTHER_PASSWORD);
        waiting.confirm(link(waitingEmail, "/portail/inscription/confirmation"));
        assertThat(row("pme-" + siren + "-2")).isEqualTo("MEMBER AWAITING_APPROVAL " + siren);

        String email = "reprise." + siren + "@pme.example";
        PortalSession next = new PortalSession(port);
        ClockUtil.setCurrentTime(
                Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofHours(25))));
        try {
            assertThat(next.register(siren, email, "Luc Reprise", PASSWORD).statusCode())
                    .isEqualTo(200);
        } finally {
            ClockUtil.reset();
        }
        assertThat(row("pme-" + siren + "-1"))
                .as("the registration never confirmed is forgotten")
                .isEqualTo("none");
        String nextId = "pme-" + siren + "-3";
        assertThat(row(nextId))
                .as("numbered after the highest id, not the row count")
                .isEqualTo("MEMBER UNCONFIRMED " + siren);
        HttpResponse<String> confirmed = next.confirm(link(email, "/portail/inscription/confirmation"));
        assertThat(confirmed.body()).contains("Compte activé");
        assertThat(row(nextId)).isEqualTo("ADMINISTRATOR ACTIVE " + siren);
        assertThat(next.logIn(nextId, PASSWORD)).isTrue();
        assertThat(next.get(PAGE).body()).contains("Demandes à examiner", "Anne Attente");
    }

    /**
     * The second of two first registrations of one SIREN fails on the company's key: held here by
     * an insert not yet committed, then committed while the registration waits for it.
     */
    @Test
    void theLoserOfTwoFirstRegistrationsOfOneSirenGetsTheFormAndAFrenchMessage() throws Exception {
        String siren = newSiren();
        String email = "race." + siren + "@pme.example";
        PortalSession loser = new PortalSession(port);
        loser.get("/portail/inscription");
        HttpResponse<String> answer;
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            try (var insert = first.prepareStatement(
                    "insert into company (siren, company_name, created_at) values (?, 'Premier', now())")) {
                insert.setString(1, siren);
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return loser.register(siren, email, "Claire Martin", PASSWORD);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> jdbc.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                                            + "and datname = current_database()")
                                    .query(Long.class)
                                    .single()
                            > 0);
            first.commit();
            answer = second.get(30, TimeUnit.SECONDS);
        }
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body())
                .contains(
                        "Créer le compte de votre entreprise",
                        "Une autre inscription de cette entreprise vient d&#39;être enregistrée",
                        "aria-describedby=\"companySiren-error",
                        email)
                .doesNotContain("Page indisponible", "Exception");
        assertThat(identity.createUserQuery().userId("pme-" + siren + "-1").count())
                .isZero();
        assertThat(count(siren)).isZero();
    }

    /** Two first registrations of one SIREN sent together: one company, one administrator, no error page. */
    @Test
    void twoRegistrationsOfOneNewSirenAtOnceNeverShowAnErrorPage() throws Exception {
        String siren = newSiren();
        List<CompletableFuture<HttpResponse<String>>> sent = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return new PortalSession(port)
                                .register(siren, "n" + n + "." + siren + "@pme.example", "Claire Martin", PASSWORD);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        for (CompletableFuture<HttpResponse<String>> answer : sent) {
            assertThat(answer.get(30, TimeUnit.SECONDS).statusCode()).isIn(200, 409);
        }
        assertThat(jdbc.sql("select count(*) from company_member where siren = :siren and role = 'ADMINISTRATOR'")
                        .param("siren", siren)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private String invitedColleague(PortalSession admin, String siren, String first) throws Exception {
        String email = first + "." + siren + "@pme.example";
        assertThat(invite(admin, email).statusCode()).isEqualTo(302);
        String link = link(email, INVITATION);
        HttpResponse<String> accepted =
                accept(new PortalSession(port), link, first + " Collègue", OTHER_PASSWORD, OTHER_PASSWORD);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        return jdbc.sql("select user_id from company_member where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
    }

    private static HttpResponse<String> invite(PortalSession admin, String email) throws Exception {
        return admin.submit(PAGE, PAGE + "/invitations", Map.of("email", email));
    }

    private static HttpResponse<String> accept(
            PortalSession session, String link, String name, String password, String confirmation) throws Exception {
        return session.submit(
                "/portail/inscription",
                INVITATION,
                Map.of(
                        "jeton", token(link),
                        "contactName", name,
                        "password", password,
                        "passwordConfirmation", confirmation));
    }

    private long administrationEvents() {
        return jdbc.sql("select count(*) from account_event where kind in ('INVITATION', 'ACCEPTANCE', 'REMOVAL')")
                .query(Long.class)
                .single();
    }

    private String row(String userId) {
        return jdbc.sql("select role || ' ' || status || ' ' || siren from company_member where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .orElse("none");
    }

    private List<String> groups(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream()
                .map(group -> group.getId())
                .toList();
    }

    private long count(String siren) {
        return jdbc.sql("select count(*) from company_member where siren = :siren")
                .param("siren", siren)
                .query(Long.class)
                .single();
    }

    private List<String> events(String userId) {
        return jdbc.sql("select kind || ' ' || actor_id from account_event where account_id = :user order by id")
                .param("user", userId)
                .query(String.class)
                .list();
    }

    private String detail(String userId, String kind) {
        return jdbc.sql("select detail from account_event where account_id = :user and kind = :kind")
                .param("user", userId)
                .param("kind", kind)
                .query(String.class)
                .single();
    }
}
