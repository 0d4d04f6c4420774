package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.SingleSignOnEnded;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The provider has vouched for someone: hand them to the staff or SME sign-on, by the door they
 * took. The provider's own authentication never stays in the session: either the webapps' or the
 * portal's authentication replaces it, as after a password login, or nothing does (refusal). Every
 * ending, in or refused, is published for the account audit log (SingleSignOnEnded).
 */
class SsoCompletion implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final StaffSignOn staff;
    private final SmeSignOn sme;
    private final SecurityContextRepository sessions;
    private final ApplicationEventPublisher events;
    private final String providerName;

    SsoCompletion(
            StaffSignOn staff,
            SmeSignOn sme,
            SecurityContextRepository sessions,
            ApplicationEventPublisher events,
            String providerName) {
        this.staff = staff;
        this.sme = sme;
        this.sessions = sessions;
        this.events = events;
        this.providerName = providerName;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        forget(request, response);
        Claims claims =
                new Claims(authentication.getPrincipal() instanceof OAuth2User user ? user.getAttributes() : Map.of());
        Optional<SsoAudience> audience = SsoAudience.take(request);
        SignOn outcome = audience.map(door -> switch (door) {
                    case STAFF -> staff.signOn(claims, request);
                    case SME -> sme.signOn(claims, request, response);
                })
                .orElse(SignOn.refused(SsoRefusal.NO_AUDIENCE, null));
        String detail = channel(audience) + (outcome.refusal() == null ? "" : " : " + outcome.refusal().reason);
        events.publishEvent(new SingleSignOnEnded(outcome.account(), outcome.refusal() == null, detail));
        response.sendRedirect(outcome.next());
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        Optional<SsoAudience> audience = SsoAudience.take(request);
        // The OAuth 2 error code (invalid_id_token, access_denied…) says what went wrong, and is no secret.
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? " (" + oauth.getError().getErrorCode() + ")"
                : "";
        events.publishEvent(
                new SingleSignOnEnded(null, false, channel(audience) + " : " + SsoRefusal.FAILED.reason + code));
        response.sendRedirect(SsoRefusal.FAILED.page());
    }

    /** « Authentification unique (ProConnect), portail PME »: the provider and the door taken. */
    private String channel(Optional<SsoAudience> audience) {
        return "Authentification unique (" + providerName + ")"
                + audience.map(door -> door == SsoAudience.STAFF ? ", espace des agents" : ", portail PME")
                        .orElse("");
    }

    private void forget(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        sessions.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }
}
