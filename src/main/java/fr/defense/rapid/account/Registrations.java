package fr.defense.rapid.account;

import fr.defense.rapid.dossier.Siren;
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
 * SME self-registration. The company's first user (by its SIREN) is its administrator; a
 * registration for a SIREN that has users already asks to join it, which its administrator accepts
 * or refuses once the address is confirmed. The Camunda user is created at once with the chosen
 * password (the password rules apply), but in no group: it opens nothing until the e-mail address
 * is confirmed by the single-use link mailed to it (and, to join a company, until the
 * administrator accepts), which puts it in the group {@code sme}.
 */
@Service
class Registrations {

    /** The outcome of a registration: the new account's id, or the errors by field (French). */
    record Outcome(String userId, boolean joinsACompany, Map<String, String> errors) {}

    /** A confirmation: why the link opens nothing, or whether the account now waits for the administrator. */
    record Confirmation(AccountTokens.Refusal refusal, boolean awaitsApproval) {}

    private final IdentityService identity;
    private final Companies companies;
    private final NewAccounts accounts;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final AccountSettings settings;

    Registrations(
            IdentityService identity,
            Companies companies,
            NewAccounts accounts,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            AccountSettings settings) {
        this.identity = identity;
        this.companies = companies;
        this.accounts = accounts;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
    }

    /**
     * Registers, or changes nothing and says why, field by field. A mail the server refuses rolls it
     * all back. Two first registrations of one SIREN at once: the second's company insert fails on
     * the key (a DataIntegrityViolationException for the page to answer).
     */
    @Transactional
    Outcome register(RegistrationForm form) {
        String siren = form.siren();
        String email = RegistrationForm.strip(form.contactEmail());
        Map<String, String> errors = check(form, siren, email);
        if (!errors.isEmpty()) {
            return new Outcome(null, false, errors);
        }
        boolean known = accounts.admitNewcomer(siren);
        if (accounts.emailTaken(email)) {
            errors.put(
                    "contactEmail",
                    "Cette adresse est déjà celle d'un compte : connectez-vous, ou demandez un nouveau mot de passe.");
            return new Outcome(null, false, errors);
        }
        String userId = accounts.nextUserId(siren);
        String contactName = RegistrationForm.strip(form.contactName());
        User user = accounts.user(userId, contactName, email, form.password());
        if (!accounts.passwordAllowed(user, form.password())) {
            errors.put("password", PASSWORD_REFUSED);
            return new Outcome(null, false, errors);
        }
        if (!known) {
            companies.create(siren, RegistrationForm.strip(form.companyName()));
        }
        identity.saveUser(user);
        Companies.Role role = known ? Companies.Role.MEMBER : Companies.Role.ADMINISTRATOR;
        companies.addMember(userId, siren, role, Companies.Status.UNCONFIRMED, email);
        String token = tokens.issue(AccountTokens.Purpose.CONFIRMATION, userId, settings.confirmationValidity());
        audit.record(
                AccountEventKind.REGISTRATION,
                userId,
                userId,
                "Entreprise " + siren + (known ? " (demande à rejoindre l'entreprise)" : " (administrateur)"));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contactName", contactName);
        model.put("companyName", companies.name(siren));
        model.put("companySiren", siren);
        model.put("userId", userId);
        model.put("joinsACompany", known);
        model.put("expiresAt", NewAccounts.expiry(settings.confirmationValidity()));
        model.put("link", mails.portalUrl() + RegistrationPages.CONFIRMATION + "?jeton=" + token);
        mails.send(AccountMails.AccountMail.ACCOUNT_CONFIRMATION, email, model);
        return new Outcome(userId, known, Map.of());
    }

    /**
     * Confirms the address. The company's first user joins {@code sme}; a user asking to join a
     * company that had users already waits for its administrator, who is told by mail.
     */
    @Transactional
    Confirmation confirm(String token) {
        AccountTokens.Use use = tokens.use(AccountTokens.Purpose.CONFIRMATION, token);
        if (use.refusal() != null) {
            return new Confirmation(use.refusal(), false);
        }
        Companies.Member member = companies.member(use.userId()).orElseThrow();
        audit.record(AccountEventKind.CONFIRMATION, use.userId(), use.userId(), null);
        companies.lock(member.siren());
        if (member.role() == Companies.Role.MEMBER && !companies.hasAdministrator(member.siren())) {
            // Its administrator never confirmed and was forgotten: this user is now in the place of
            // a first registrant, and becomes the administrator (who then sees any waiting request).
            companies.makeAdministrator(use.userId());
            audit.record(
                    AccountEventKind.ACCEPTANCE,
                    use.userId(),
                    use.userId(),
                    "Administrateur de l'entreprise " + member.siren() + " (l'inscription précédente n'a jamais été "
                            + "confirmée)");
        } else if (member.role() == Companies.Role.MEMBER) {
            companies.setStatus(use.userId(), Companies.Status.AWAITING_APPROVAL);
            tellAdministrators(member);
            return new Confirmation(null, true);
        }
        identity.createMembership(use.userId(), Groups.SME);
        companies.activate(use.userId());
        return new Confirmation(null, false);
    }

    /** Mails the company's ACTIVE administrators that this user asks to join it (also after a single sign-on). */
    void tellAdministrators(Companies.Member requester) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("requesterName", accounts.displayName(requester.userId()));
        model.put("requesterEmail", requester.email());
        model.put("companyName", companies.name(requester.siren()));
        model.put("companySiren", requester.siren());
        model.put("link", mails.portalUrl() + CompanyPages.PAGE);
        companies.members(requester.siren()).stream()
                .filter(Companies.Member::activeAdministrator)
                .forEach(admin -> mails.send(AccountMails.AccountMail.ACCOUNT_JOIN_REQUEST, admin.email(), model));
    }

    static final String PASSWORD_REFUSED = "Mot de passe refusé : il doit compter au moins 12 caractères, ne contenir "
            + "ni l'identifiant, ni le nom, ni l'adresse électronique, et ne pas figurer parmi les mots de passe courants.";

    private static Map<String, String> check(RegistrationForm form, String siren, String email) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Siren.isValid(siren)) {
            errors.put(
                    "companySiren",
                    "Numéro SIREN invalide : 9 chiffres, dont le dernier est une clé de contrôle (voir l'avis de "
                            + "situation au répertoire SIRENE).");
        }
        String companyName = RegistrationForm.strip(form.companyName());
        if (companyName.isEmpty() || companyName.length() > 200) {
            errors.put("companyName", "Indiquez la raison sociale de l'entreprise (200 caractères au plus).");
        }
        String contactName = RegistrationForm.strip(form.contactName());
        if (contactName.isEmpty() || contactName.length() > 100) {
            errors.put("contactName", "Indiquez vos prénom et nom (100 caractères au plus).");
        }
        if (email.isEmpty() || email.length() > 254 || !EmailAddresses.deliverable(email)) {
            errors.put("contactEmail", "Adresse électronique invalide : par exemple claire.martin@entreprise.fr.");
        }
        if (form.password() == null
                || form.password().length() < 12
                || form.password().length() > 200) {
            errors.put("password", PASSWORD_REFUSED);
        } else if (!form.password().equals(form.passwordConfirmation())) {
            errors.put("passwordConfirmation", "Les deux mots de passe ne sont pas identiques.");
        }
        for (String text : new String[] {companyName, contactName, email}) {
            if (text.chars().anyMatch(c -> Character.isISOControl(c))) {
                errors.putIfAbsent("companyName", "Caractères de contrôle refusés.");
            }
        }
        return errors;
    }
}
