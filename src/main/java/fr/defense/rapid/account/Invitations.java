package fr.defense.rapid.account;

import fr.defense.rapid.notification.AccountMails;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EmailAddresses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A company's administrator invites a colleague by e-mail: the colleague's row (INVITED, MEMBER)
 * reserves the address and the account id, and a single-use link lets the colleague choose a name
 * and a password; the account is then created ACTIVE, in the group {@code sme}.
 */
@Service
class Invitations {

    /** An invitation sent (the reserved account id), or the errors by field. */
    record Sent(String userId, Map<String, String> errors) {}

    /** An invitation accepted (the new account's id), or why not: a dead link, a cancelled invitation, errors. */
    record Acceptance(String userId, AccountTokens.Refusal refusal, boolean cancelled, Map<String, String> errors) {}

    /** Who an invitation is for, as its page shows it. */
    record Invited(String userId, String email, String companyName, String companySiren) {}

    private final IdentityService identity;
    private final Companies companies;
    private final CompanyAccess access;
    private final NewAccounts accounts;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final AccountSettings settings;

    Invitations(
            IdentityService identity,
            Companies companies,
            CompanyAccess access,
            NewAccounts accounts,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            AccountSettings settings) {
        this.identity = identity;
        this.companies = companies;
        this.access = access;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
    }

    /** Invites, or changes nothing; inviting a pending address again sends a new link and kills the old one. */
    @Transactional
    Sent invite(String actorId, String typedEmail) {
        Companies.Member administrator = access.administrator(actorId);
        String email = RegistrationForm.strip(typedEmail);
        if (email.isEmpty() || email.length() > 254 || !EmailAddresses.deliverable(email)) {
            return new Sent(
                    null, Map.of("email", "Adresse électronique invalide : par exemple paul.durand@entreprise.fr."));
        }
        String siren = administrator.siren();
        String userId =
                companies.invitation(siren, email).map(Companies.Member::userId).orElse(null);
        if (userId != null) {
            tokens.revoke(AccountTokens.Purpose.INVITATION, userId);
        } else if (accounts.emailTaken(email)) {
            return new Sent(
                    null,
                    Map.of(
                            "email",
                            "Cette adresse est déjà celle d'un compte de l'espace entreprises : une même adresse "
                                    + "ne sert qu'à un compte. Invitez votre collègue à une autre adresse."));
        } else {
            userId = accounts.nextUserId(siren);
            companies.addMember(userId, siren, Companies.Role.MEMBER, Companies.Status.INVITED, email);
        }
        String token = tokens.issue(AccountTokens.Purpose.INVITATION, userId, settings.invitationValidity());
        audit.record(
                AccountEventKind.INVITATION, userId, actorId, "Invitation de " + email + " dans l'entreprise " + siren);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("inviterName", accounts.displayName(actorId));
        model.put("companyName", companies.name(siren));
        model.put("companySiren", siren);
        model.put("userId", userId);
        model.put("expiresAt", NewAccounts.expiry(settings.invitationValidity()));
        model.put("link", mails.portalUrl() + InvitationPages.PAGE + "?jeton=" + token);
        mails.send(AccountMails.AccountMail.ACCOUNT_INVITATION, email, model);
        return new Sent(userId, Map.of());
    }

    /** The invitation a link opens, without using the link: its row, or why it opens nothing. */
    Acceptance check(String token) {
        AccountTokens.Use use = tokens.peek(AccountTokens.Purpose.INVITATION, token);
        if (use.refusal() != null) {
            return new Acceptance(null, use.refusal(), false, Map.of());
        }
        boolean pending = companies
                .member(use.userId())
                .filter(member -> member.status() == Companies.Status.INVITED)
                .isPresent();
        return new Acceptance(use.userId(), null, !pending, Map.of());
    }

    /** The invitation of this reserved account, for its page. */
    Invited invited(String userId) {
        Companies.Member member = companies.member(userId).orElseThrow();
        return new Invited(userId, member.email(), companies.name(member.siren()), member.siren());
    }

    /** Creates the invited account, or changes nothing (the link stays usable after a field error). */
    @Transactional
    Acceptance accept(String token, String typedName, String password, String confirmation) {
        String name = RegistrationForm.strip(typedName);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isEmpty() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            errors.put("contactName", "Indiquez vos prénom et nom (100 caractères au plus).");
        }
        if (password == null || password.length() < 12 || password.length() > 200) {
            errors.put("password", Registrations.PASSWORD_REFUSED);
        } else if (!password.equals(confirmation)) {
            errors.put("passwordConfirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        Acceptance checked = check(token);
        if (checked.refusal() != null || checked.cancelled() || !errors.isEmpty()) {
            return new Acceptance(null, checked.refusal(), checked.cancelled(), errors);
        }
        Companies.Member invited = companies.memberForUpdate(checked.userId()).orElseThrow();
        User user = accounts.user(invited.userId(), name, invited.email(), password);
        if (!accounts.passwordAllowed(user, password)) {
            return new Acceptance(null, null, false, Map.of("password", Registrations.PASSWORD_REFUSED));
        }
        // Used only now, row locked: two tabs sending the form at once create one account.
        AccountTokens.Use use = tokens.use(AccountTokens.Purpose.INVITATION, token);
        if (use.refusal() != null) {
            return new Acceptance(null, use.refusal(), false, Map.of());
        }
        identity.saveUser(user);
        identity.createMembership(invited.userId(), Groups.SME);
        companies.activate(invited.userId());
        audit.record(
                AccountEventKind.ACCEPTANCE,
                invited.userId(),
                invited.userId(),
                "Invitation acceptée : entreprise " + invited.siren());
        return new Acceptance(invited.userId(), null, false, Map.of());
    }
}
