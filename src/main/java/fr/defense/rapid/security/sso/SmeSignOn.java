package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * An SME user signed on by the provider is matched to an existing SME account (group {@code sme})
 * by one claim, and gets the portal's session a password login would give: the same principal (the
 * account's id) and authorities. Nobody is given an account here: an unknown person registers or is
 * invited first.
 */
class SmeSignOn {

    private final SsoSettings.Sme settings;
    private final IdentityService identity;
    private final SecurityContextRepository sessions;

    SmeSignOn(SsoSettings.Sme settings, IdentityService identity, SecurityContextRepository sessions) {
        this.settings = settings;
        this.identity = identity;
        this.sessions = sessions;
    }

    /** Where the SME user goes now: the portal, or the refusal. */
    SignOn signOn(Claims claims, HttpServletRequest request, HttpServletResponse response) {
        String value = claims.first(settings.claim());
        List<String> accounts = value == null ? List.of() : accounts(value);
        if (accounts.isEmpty()) {
            return SignOn.refused(SsoRefusal.SME_UNKNOWN, value);
        }
        if (accounts.size() > 1) {
            return SignOn.refused(SsoRefusal.SME_AMBIGUOUS, value);
        }
        String id = accounts.get(0);
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
}
