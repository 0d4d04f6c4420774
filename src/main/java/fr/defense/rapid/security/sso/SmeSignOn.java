package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.Groups;
import fr.defense.rapid.security.SmeEnrolment;
import fr.defense.rapid.system.EmailAddresses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * An SME user signed on by the provider is matched to an existing SME account (group {@code sme})
 * by one claim, and gets the portal's session a password login would give: the same principal (the
 * account's id) and authorities. A person no account matches, whose company the provider names by
 * its SIRET (or SIREN), is enrolled by the account module (SmeEnrolment): administrator of a new
 * company, signed in at once; or a request to join a known company, which opens nothing until its
 * administrator accepts it. Anyone else registers or is invited first.
 */
class SmeSignOn {

    private static final Logger log = LoggerFactory.getLogger(SmeSignOn.class);

    private final SsoSettings.Sme settings;
    private final IdentityService identity;
    private final SecurityContextRepository sessions;
    /** The account module's; null in an application without it (then nobody is enrolled). */
    private final SmeEnrolment enrolment;

    private final String providerName;

    SmeSignOn(
            SsoSettings.Sme settings,
            IdentityService identity,
            SecurityContextRepository sessions,
            SmeEnrolment enrolment,
            String providerName) {
        this.settings = settings;
        this.identity = identity;
        this.sessions = sessions;
        this.enrolment = enrolment;
        this.providerName = providerName;
    }

    /** Where the SME user goes now: the portal, or the refusal. */
    SignOn signOn(Claims claims, HttpServletRequest request, HttpServletResponse response) {
        String value = claims.first(settings.claim());
        List<String> accounts = value == null ? List.of() : accounts(value);
        if (accounts.size() > 1) {
            return SignOn.refused(SsoRefusal.SME_AMBIGUOUS, value);
        }
        if (accounts.size() == 1) {
            return signIn(accounts.get(0), request, response);
        }
        String sirenClaim = settings.enrols() && enrolment != null ? claims.first(settings.sirenClaim()) : null;
        if (sirenClaim == null) {
            return SignOn.refused(SsoRefusal.SME_UNKNOWN, value);
        }
        return enrol(claims, value, sirenClaim, request, response);
    }

    /** A person no account matches, with a SIREN claim: enrolled, or refused and nothing kept. */
    private SignOn enrol(
            Claims claims, String email, String sirenClaim, HttpServletRequest request, HttpServletResponse response) {
        String siren = siren(sirenClaim);
        if (siren == null) {
            return SignOn.refused(SsoRefusal.SME_SIREN_INVALID, email);
        }
        String firstName = claims.first("given_name");
        String lastName =
                claims.first("family_name") != null ? claims.first("family_name") : claims.first("usual_name");
        if (!usableEmail(email) || isFalse(claims.all().get("email_verified")) || !usableName(firstName, lastName)) {
            return SignOn.refused(SsoRefusal.SME_IDENTITY_INCOMPLETE, email);
        }
        String companyName = settings.companyNameClaim() == null
                        || settings.companyNameClaim().isBlank()
                ? null
                : claims.first(settings.companyNameClaim());
        SmeEnrolment.Enrolment enrolled;
        try {
            enrolled = enrolment.enrol(
                    new SmeEnrolment.Applicant(siren, email, firstName, lastName, companyName, providerName));
        } catch (RuntimeException e) {
            // Rolled back as a whole: a mail the server refused, two first sign-ons of one SIREN at once.
            log.warn("Single sign-on enrolment for SIREN {} failed, nothing kept", siren, e);
            return SignOn.refused(SsoRefusal.SME_ENROLMENT_FAILED, email);
        }
        return switch (enrolled.result()) {
            case ADMINISTRATOR -> signIn(enrolled.userId(), request, response);
            case REQUEST_SENT -> SignOn.refused(SsoRefusal.SME_REQUEST_SENT, enrolled.userId());
            case REQUEST_WAITING -> SignOn.refused(SsoRefusal.SME_REQUEST_WAITING, enrolled.userId());
            case ADDRESS_IN_USE -> SignOn.refused(SsoRefusal.SME_ADDRESS_IN_USE, email);
        };
    }

    /** The portal's session for this SME account, as a password login gives it. */
    private SignOn signIn(String id, HttpServletRequest request, HttpServletResponse response) {
        List<SimpleGrantedAuthority> authorities = Groups.of(identity, id).stream()
                .map(group -> new SimpleGrantedAuthority(Groups.authority(group)))
                .toList();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(id, null, authorities));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return SignOn.done("/portail", id);
    }

    /** The ids of the SME accounts the claim's value designates. */
    private List<String> accounts(String value) {
        List<String> ids = new ArrayList<>();
        List<String> candidates = settings.matchOn() == SsoSettings.Match.EMAIL
                ? List.of(value, value.toLowerCase(Locale.ROOT)).stream()
                        .distinct()
                        .toList()
                : List.of(value);
        for (String candidate : candidates) {
            UserQuery query = identity.createUserQuery().memberOfGroup(Groups.SME);
            query = settings.matchOn() == SsoSettings.Match.EMAIL
                    ? query.userEmail(candidate)
                    : query.userId(candidate);
            query.list().stream()
                    .map(User::getId)
                    .filter(id -> !ids.contains(id))
                    .forEach(ids::add);
        }
        return ids;
    }

    /**
     * The SIREN of a SIRET (14 digits: the SIREN, then the establishment's 5) or of a SIREN (9
     * digits), spaces ignored, if its Luhn key is right; otherwise null. The SIRET's own key is not
     * checked: La Poste's establishments have SIRETs that fail it.
     */
    static String siren(String claim) {
        if (claim == null) {
            return null;
        }
        String digits = claim.replaceAll("[\\s\u00a0]", "");
        if (!digits.matches("\\d{14}|\\d{9}")) {
            return null;
        }
        String siren = digits.substring(0, 9);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
            }
            sum += digit;
        }
        return sum % 10 == 0 ? siren : null;
    }

    private static boolean usableEmail(String email) {
        return email != null && email.length() <= 254 && EmailAddresses.deliverable(email);
    }

    /** A first or last name, each at most 100 characters with no control character, at least one given. */
    private static boolean usableName(String firstName, String lastName) {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return !name.isEmpty()
                && (firstName == null || firstName.length() <= 100)
                && (lastName == null || lastName.length() <= 100)
                && name.chars().noneMatch(Character::isISOControl);
    }

    /** An {@code email_verified} claim that says no (absent: the provider verifies, as ProConnect does). */
    private static boolean isFalse(Object claim) {
        return claim != null && "false".equalsIgnoreCase(String.valueOf(claim));
    }
}
