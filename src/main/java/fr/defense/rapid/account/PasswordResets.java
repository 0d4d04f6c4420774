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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A forgotten password, for SME accounts only: a single-use link mailed to the account's address
 * opens a page that sets a new password. Staff passwords are their administrator's business (Camunda
 * Admin): a request for a staff address sends nothing, and an account never activated gets nothing
 * either (its owner confirms it, or registers again once its link has expired). What the requester
 * is told never depends on any of this (see PasswordResetPages).
 */
@Service
class PasswordResets {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    /** The outcome of a new password: the account whose password was set; else the errors by field, or why the link opens nothing. */
    record Outcome(String userId, Map<String, String> errors, AccountTokens.Refusal refusal) {}

    private final IdentityService identity;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final AccountSettings settings;
    private final JdbcClient jdbc;

    PasswordResets(
            IdentityService identity,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            AccountSettings settings,
            JdbcClient jdbc) {
        this.identity = identity;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
        this.jdbc = jdbc;
    }

    /**
     * Mails a link to each active SME account with this address. The audit log records a request
     * only for an address that is an account's (with what was done), never for an unknown one: its
     * lines are about accounts, and a stranger's typing would be no account's. A mail the server
     * refuses rolls back that account's token and line: the person asks again.
     */
    @Transactional
    void request(String email, String clientAddress) {
        for (User user : accountsOf(email)) {
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
                continue;
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
            model.put(
                    "contactName", (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip());
            model.put("userId", user.getId());
            model.put("expiresAt", EXPIRY.format(expires.atZoneSameInstant(EngineClock.PARIS)));
            model.put("link", mails.portalUrl() + PasswordResetPages.NEW_PASSWORD + "?jeton=" + token);
            mails.send(AccountMails.AccountMail.PASSWORD_RESET, user.getEmail(), model);
        }
    }

    /** The account the link would open (without using it), or why it opens nothing. */
    AccountTokens.Use check(String token) {
        return tokens.peek(AccountTokens.Purpose.PASSWORD_RESET, token);
    }

    /**
     * Sets the new password and uses the link, in one transaction, with every other reset link of
     * the account: a password the rules refuse changes nothing and leaves the link usable.
     */
    @Transactional
    Outcome reset(String token, String password, String confirmation) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (password == null || password.length() < 12 || password.length() > 200) {
            errors.put("password", Registrations.PASSWORD_REFUSED);
        } else if (!password.equals(confirmation)) {
            errors.put("passwordConfirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        AccountTokens.Use use = tokens.use(AccountTokens.Purpose.PASSWORD_RESET, token);
        if (use.refusal() != null) {
            return new Outcome(null, Map.of(), use.refusal());
        }
        User user = identity.createUserQuery().userId(use.userId()).singleResult();
        if (user == null) {
            return new Outcome(null, Map.of(), AccountTokens.Refusal.UNKNOWN);
        }
        if (errors.isEmpty()
                && !identity.checkPasswordAgainstPolicy(password, user).isValid()) {
            errors.put("password", Registrations.PASSWORD_REFUSED);
        }
        if (!errors.isEmpty()) {
            // The link was locked and marked used above: undo that, it must still work.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new Outcome(null, errors, null);
        }
        user.setPassword(password);
        identity.saveUser(user);
        tokens.useAll(AccountTokens.Purpose.PASSWORD_RESET, user.getId());
        audit.record(AccountEventKind.PASSWORD_RESET_DONE, user.getId(), user.getId(), "Par le lien du courriel");
        return new Outcome(user.getId(), null, null);
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
