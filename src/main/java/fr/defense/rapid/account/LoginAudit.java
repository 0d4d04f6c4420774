package fr.defense.rapid.account;

import fr.defense.rapid.security.InactiveAccountException;
import fr.defense.rapid.security.SingleSignOnEnded;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Logins into the audit log, from Spring Security's events: a success when someone signs in (the
 * portal's form, the webapps' login: an interactive login, not each call of a script with HTTP Basic),
 * a failure wherever a password was refused. The name typed is recorded, never the password. A
 * single sign-on is recorded from its own event, once we have decided whom it lets in: Spring's event
 * for the provider's word alone (an OAuth 2 token, the provider's name for the person) is no login.
 */
@Component
class LoginAudit {

    private final AccountAudit audit;

    LoginAudit(AccountAudit audit) {
        this.audit = audit;
    }

    @EventListener
    void succeeded(InteractiveAuthenticationSuccessEvent event) {
        if (fromProvider(event.getAuthentication())) {
            return;
        }
        String user = event.getAuthentication().getName();
        audit.record(AccountEventKind.LOGIN_SUCCESS, user, user, channel());
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        if (fromProvider(event.getAuthentication())) {
            return;
        }
        String channel = channel();
        if (event.getException() instanceof InactiveAccountException inactive) {
            // The right password of an account that may not sign in (InactiveLogins).
            channel = (channel == null ? "" : channel + " : ")
                    + inactive.inactivity().reason();
        }
        audit.record(AccountEventKind.LOGIN_FAILURE, event.getAuthentication().getName(), null, channel);
    }

    @EventListener
    void signedOn(SingleSignOnEnded event) {
        audit.record(
                event.succeeded() ? AccountEventKind.LOGIN_SUCCESS : AccountEventKind.LOGIN_FAILURE,
                event.account(),
                event.succeeded() ? event.account() : null,
                event.detail());
    }

    private static boolean fromProvider(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken
                || authentication instanceof OAuth2LoginAuthenticationToken
                || authentication instanceof OAuth2AuthorizationCodeAuthenticationToken;
    }

    /** Where the login came from, in words: the portal, the webapps, a script. */
    private static String channel() {
        HttpServletRequest request = CurrentRequest.get();
        if (request == null) {
            return null;
        }
        String path = request.getRequestURI();
        if (path.startsWith("/camunda/")) {
            return "Applications Camunda (" + path.substring(path.lastIndexOf('/') + 1) + ")";
        }
        if (path.equals("/login")) {
            return "Portail PME";
        }
        return path.startsWith("/engine-rest") ? "API du moteur (HTTP Basic)" : "API (HTTP Basic)";
    }
}
