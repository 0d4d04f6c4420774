package fr.defense.rapid.account;

import fr.defense.rapid.dossier.Siren;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.security.SmeEnrolment;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An SME user signed on by the identity provider, with their company's SIREN, whom no account
 * matches (security.sso.SmeSignOn). The provider verified the e-mail address, so no confirmation
 * link is sent; and the account gets a random password nobody knows (the forgotten-password page
 * can give it one). A SIREN with no company yet: the company is created, this person its ACTIVE
 * administrator, as the first registrant of a SIREN is. A known company: a request to join it waits
 * for its administrator, who gets the mail of a registration's request; the provider's word alone
 * opens nothing of an existing company. Everything in one transaction.
 */
@Service
class SsoEnrolments implements SmeEnrolment {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;
    private final Companies companies;
    private final NewAccounts accounts;
    private final Registrations registrations;
    private final AccountAudit audit;

    SsoEnrolments(
            IdentityService identity,
            Companies companies,
            NewAccounts accounts,
            Registrations registrations,
            AccountAudit audit) {
        this.identity = identity;
        this.companies = companies;
        this.accounts = accounts;
        this.registrations = registrations;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Enrolment enrol(Applicant applicant) {
        String siren = applicant.siren();
        if (!Siren.isValid(siren)) {
            throw new IllegalArgumentException("Not a SIREN: " + siren);
        }
        String email = applicant.email();
        boolean known = accounts.admitNewcomer(siren);
        Optional<Companies.Member> waiting = companies.members(siren).stream()
                .filter(member ->
                        member.status() == Companies.Status.AWAITING_APPROVAL && email.equalsIgnoreCase(member.email()))
                .findFirst();
        if (waiting.isPresent()) {
            return new Enrolment(Result.REQUEST_WAITING, waiting.get().userId());
        }
        if (accounts.emailTaken(email)) {
            return new Enrolment(Result.ADDRESS_IN_USE, null);
        }
        // A known company is joined only with its administrator's consent. One that nobody ever
        // entered (its first registrant never confirmed, and was forgotten; only registrations not
        // confirmed yet) has no administrator to ask: this person takes the first registrant's place,
        // as Registrations.confirm gives it to a registrant.
        boolean joins = known
                && (companies.hasAdministrator(siren)
                        || companies.members(siren).stream()
                                .anyMatch(member -> member.status() != Companies.Status.UNCONFIRMED));
        String userId = accounts.nextUserId(siren);
        identity.saveUser(user(userId, applicant));
        String channel = "authentification unique (" + applicant.providerName() + ")";
        if (!known) {
            companies.create(siren, companyName(applicant));
        }
        if (joins) {
            companies.addMember(userId, siren, Companies.Role.MEMBER, Companies.Status.AWAITING_APPROVAL, email);
            audit.record(
                    AccountEventKind.REGISTRATION,
                    userId,
                    userId,
                    "Entreprise " + siren + " (demande à rejoindre l'entreprise), par " + channel);
            registrations.tellAdministrators(companies.member(userId).orElseThrow());
            return new Enrolment(Result.REQUEST_SENT, userId);
        }
        companies.addMember(userId, siren, Companies.Role.ADMINISTRATOR, Companies.Status.ACTIVE, email);
        identity.createMembership(userId, Groups.SME);
        audit.record(
                AccountEventKind.REGISTRATION,
                userId,
                userId,
                "Entreprise " + siren + " (administrateur), par " + channel);
        return new Enrolment(Result.ADMINISTRATOR, userId);
    }

    /** The provider's name for the company, else « Entreprise <SIREN> ». */
    private static String companyName(Applicant applicant) {
        String name =
                applicant.companyName() == null ? "" : applicant.companyName().strip();
        return name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)
                ? "Entreprise " + applicant.siren()
                : name;
    }

    /**
     * The Camunda user, with a random password that nobody knows (a password login must find one to
     * compare), drawn again in the unlikely case the password rules refuse it (a short name in it).
     */
    private User user(String userId, Applicant applicant) {
        User user = identity.newUser(userId);
        user.setFirstName(applicant.firstName());
        user.setLastName(applicant.lastName());
        user.setEmail(applicant.email());
        for (int attempt = 0; ; attempt++) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            user.setPassword(password);
            if (accounts.passwordAllowed(user, password) || attempt >= 20) {
                return user;
            }
        }
    }
}
