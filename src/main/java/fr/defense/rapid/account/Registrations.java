package fr.defense.rapid.account;

import fr.defense.rapid.dossier.Siren;
import fr.defense.rapid.notification.AccountMails;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EmailAddresses;
import fr.defense.rapid.system.EngineClock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SME self-registration: the company (by its SIREN) and its first user, its administrator. The
 * Camunda user is created at once with the chosen password (the password rules apply), but in no
 * group: it opens nothing until the e-mail address is confirmed by the single-use link mailed to
 * it, which puts it in the group {@code sme}. A SIREN that already has users is not opened by a
 * registration: the company's administrator invites its colleagues.
 */
@Service
class Registrations {

    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE);

    /** The outcome of a registration: the new account's id, or the errors by field (French). */
    record Outcome(String userId, Map<String, String> errors) {}

    private final IdentityService identity;
    private final Companies companies;
    private final AccountTokens tokens;
    private final AccountMails mails;
    private final AccountAudit audit;
    private final AccountSettings settings;

    Registrations(
            IdentityService identity,
            Companies companies,
            AccountTokens tokens,
            AccountMails mails,
            AccountAudit audit,
            AccountSettings settings) {
        this.identity = identity;
        this.companies = companies;
        this.tokens = tokens;
        this.mails = mails;
        this.audit = audit;
        this.settings = settings;
    }

    /** Registers, or changes nothing and says why, field by field. A mail the server refuses rolls it all back. */
    @Transactional
    Outcome register(RegistrationForm form) {
        String siren = form.siren();
        String email = RegistrationForm.strip(form.contactEmail());
        Map<String, String> errors = check(form, siren, email);
        if (!errors.isEmpty()) {
            return new Outcome(null, errors);
        }
        companies.abandoned(siren).forEach(stale -> {
            identity.deleteUser(stale);
            companies.forget(stale, siren);
        });
        if (companies.exists(siren)) {
            errors.put(
                    "companySiren",
                    "Cette entreprise a déjà un compte sur l'espace entreprises : demandez à son administrateur "
                            + "de vous inviter.");
            return new Outcome(null, errors);
        }
        if (companies.emailTaken(email)) {
            errors.put(
                    "contactEmail",
                    "Cette adresse est déjà celle d'un compte : connectez-vous, ou demandez un nouveau mot de passe.");
            return new Outcome(null, errors);
        }
        String userId = "pme-" + siren + "-" + (companies.accountsEver(siren) + 1);
        String contactName = RegistrationForm.strip(form.contactName());
        User user = identity.newUser(userId);
        int space = contactName.indexOf(' ');
        user.setFirstName(space < 0 ? contactName : contactName.substring(0, space));
        user.setLastName(space < 0 ? "" : contactName.substring(space + 1).strip());
        user.setEmail(email);
        user.setPassword(form.password());
        if (!identity.checkPasswordAgainstPolicy(form.password(), user).isValid()) {
            errors.put("password", PASSWORD_REFUSED);
            return new Outcome(null, errors);
        }
        identity.saveUser(user);
        String companyName = RegistrationForm.strip(form.companyName());
        companies.create(siren, companyName);
        companies.addMember(userId, siren, Companies.Role.ADMINISTRATOR, Companies.Status.UNCONFIRMED, email);
        String token = tokens.issue(AccountTokens.Purpose.CONFIRMATION, userId, settings.confirmationValidity());
        audit.record(AccountEventKind.REGISTRATION, userId, userId, "Entreprise " + siren + " (administrateur)");
        OffsetDateTime expires = EngineClock.now().plus(settings.confirmationValidity());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("contactName", contactName);
        model.put("companyName", companyName);
        model.put("companySiren", siren);
        model.put("userId", userId);
        model.put("expiresAt", EXPIRY.format(expires.atZoneSameInstant(EngineClock.PARIS)));
        model.put("link", mails.portalUrl() + RegistrationPages.CONFIRMATION + "?jeton=" + token);
        mails.send(AccountMails.AccountMail.ACCOUNT_CONFIRMATION, email, model);
        return new Outcome(userId, Map.of());
    }

    /** Confirms the address: the account joins {@code sme}. Null: done; else why the link opens nothing. */
    @Transactional
    AccountTokens.Refusal confirm(String token) {
        AccountTokens.Use use = tokens.use(AccountTokens.Purpose.CONFIRMATION, token);
        if (use.refusal() != null) {
            return use.refusal();
        }
        identity.createMembership(use.userId(), Groups.SME);
        companies.activate(use.userId());
        audit.record(AccountEventKind.CONFIRMATION, use.userId(), use.userId(), null);
        return null;
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
