package fr.defense.rapid.account;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * The second half of a forgotten password: the mailed link (PasswordResetMails) opens a page that
 * sets a new password, once.
 */
@Service
class PasswordResets {

    /** The outcome of a new password: the account whose password was set; else the errors by field, or why the link opens nothing. */
    record Outcome(String userId, Map<String, String> errors, AccountTokens.Refusal refusal) {}

    private final IdentityService identity;
    private final AccountTokens tokens;
    private final AccountAudit audit;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    PasswordResets(
            IdentityService identity,
            AccountTokens tokens,
            AccountAudit audit,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.identity = identity;
        this.tokens = tokens;
        this.audit = audit;
        this.sessions = sessions;
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
     * Ends every web session of the account, once its new password is committed: whoever signed in
     * with the old one (the reason for many a reset) is out. The sessions are in the database
     * (Spring Session JDBC), indexed by the signed-in user's id, so this holds on every node.
     */
    void signOutEverywhere(String userId) {
        sessions.ifAvailable(store -> store.findByPrincipalName(userId).keySet().forEach(store::deleteById));
    }
}
