package fr.defense.rapid.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The provider has vouched for someone: hand them to the staff or SME sign-on, by the door they
 * took. The provider's own authentication never stays in the session: either the webapps' or the
 * portal's authentication replaces it, as after a password login, or nothing does (refusal).
 */
class SsoCompletion implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final StaffSignOn staff;
    private final SmeSignOn sme;
    private final SecurityContextRepository sessions;

    SsoCompletion(StaffSignOn staff, SmeSignOn sme, SecurityContextRepository sessions) {
        this.staff = staff;
        this.sme = sme;
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        forget(request, response);
        Claims claims =
                new Claims(authentication.getPrincipal() instanceof OAuth2User user ? user.getAttributes() : Map.of());
        String next = SsoAudience.take(request)
                .map(audience -> switch (audience) {
                    case STAFF -> staff.signOn(claims, request);
                    case SME -> sme.signOn(claims, request, response);
                })
                .orElse(SsoRefusal.NO_AUDIENCE.page());
        response.sendRedirect(next);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException exception)
            throws IOException {
        SsoAudience.take(request);
        response.sendRedirect(SsoRefusal.FAILED.page());
    }

    private void forget(HttpServletRequest request, HttpServletResponse response) {
        SecurityContextHolder.clearContext();
        sessions.saveContext(SecurityContextHolder.createEmptyContext(), request, response);
    }
}
