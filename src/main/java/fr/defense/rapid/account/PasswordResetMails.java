package fr.defense.rapid.account;

import fr.defense.rapid.notification.AccountMails;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first half of a forgotten password: a single-use link mailed to each active SME account with
 * the address typed. Staff passwords are their administrator's business (Camunda Admin), and an
 * account never activated is its owner's to confirm (or to register again once its link expired):
 * neither gets a mail. What the requester is told never depends on any of this (PasswordResetPages).
 */
@Component
class PasswordResetMails {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    private final IdentityService identity;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final AccountSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PasswordResetMails(
            IdentityService identity,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            AccountSettings settings,
            JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.identity = identity;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Serves a request, one transaction per account: a mail the server refuses rolls back that
     * account's token and audit line only (the person asks again). The audit log records a request
     * only for an address that is an account's, saying what was done; never for an unknown one: its
     * lines are about accounts, and a stranger's typing is no account's.
     */
    void request(String email, String clientAddress) {
        for (User user : accountsOf(email)) {
            transaction.executeWithoutResult(status -> requestFor(user, clientAddress));
        }
    }

    private void requestFor(User user, String clientAddress) {
        List<String> groups = Groups.of(identity, user.getId());
        String refused = groups.stream().anyMatch(Groups.STAFF::contains)
                ? "Aucun courriel : compte d'agent (réinitialisé par son administrateur)"
                : !groups.contains(Groups.SME) ? "Aucun courriel : compte non activé" : null;
        if (refused == null && recentlyMailed(user.getId())) {
            refused = "Aucun courriel : un lien a déjà été envoyé il y a moins de "
                    + settings.passwordResetMailInterval().toMinutes() + " min";
        }
        if (refused != null) {
            audit.record(AccountEventKind.PASSWORD_RESET_REQUESTED, user.getId(), null, refused, clientAddress);
            return;
        }
        String token =
                tokens.issue(AccountTokens.Purpose.PASSWORD_RESET, user.getId(), settings.passwordResetValidity());
        audit.record(
                AccountEventKind.PASSWORD_RESET_REQUESTED,
                user.getId(),
                null,
                "Lien envoyé par courriel",
                clientAddress);
        OffsetDateTime expires = EngineClock.now().plus(settings.passwordResetValidity());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contactName", (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip());
        model.put("userId", user.getId());
        model.put("expiresAt", EXPIRY.format(expires.atZoneSameInstant(EngineClock.PARIS)));
        model.put("link", mails.portalUrl() + PasswordResetPages.NEW_PASSWORD + "?jeton=" + token);
        mails.send(AccountMails.AccountMail.PASSWORD_RESET, user.getEmail(), model);
    }

    /**
     * The accounts whose address this is, whatever its case: an SME's own account records the address
     * as typed at registration ({@code company_member}); an account made in Camunda Admin has only
     * the engine's, compared as typed and in lower case (the engine's query is exact).
     */
    private List<User> accountsOf(String email) {
        Set<String> ids = new LinkedHashSet<>(
                jdbc.sql("select user_id from company_member where lower(email) = lower(:email) order by user_id")
                        .param("email", email)
                        .query(String.class)
                        .list());
        for (String candidate : new LinkedHashSet<>(List.of(email, email.toLowerCase(Locale.ROOT)))) {
            identity.createUserQuery().userEmail(candidate).list().forEach(user -> ids.add(user.getId()));
        }
        return ids.stream()
                .map(id -> identity.createUserQuery().userId(id).singleResult())
                .filter(user -> user != null && email.equalsIgnoreCase(user.getEmail()))
                .toList();
    }

    /** At most one mail per account per interval: a stranger cannot flood someone's mailbox. */
    private boolean recentlyMailed(String userId) {
        return tokens.issuedSince(
                AccountTokens.Purpose.PASSWORD_RESET,
                userId,
                EngineClock.now().minus(settings.passwordResetMailInterval()));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
