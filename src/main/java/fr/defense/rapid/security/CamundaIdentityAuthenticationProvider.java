package fr.defense.rapid.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One identity store: Camunda's users and groups. Checks the password with the identity service,
 * unless the login throttle says to wait (a stranger's guesses slow the next attempts down, they
 * never lock the owner out), and turns the user's groups into authorities ({@code GROUP_<id>}). An
 * account not yet confirmed is refused after its password matched (DisabledException: the login page
 * says why, the audit log records a failure); before, it would sign in to a page refusing it everything.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final ObjectProvider<UnconfirmedAccounts> unconfirmed;

    public CamundaIdentityAuthenticationProvider(
            IdentityService identity, LoginThrottle throttle, ObjectProvider<UnconfirmedAccounts> unconfirmed) {
        this.identity = identity;
        this.throttle = throttle;
        this.unconfirmed = unconfirmed;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        LoginThrottle.Attempt attempt = throttle.check(
                user, address, () -> user != null && !user.isBlank() && identity.checkPassword(user, password));
        if (attempt.retryAfter().isPresent()) {
            throw new LoginThrottledException(attempt.retryAfter().get());
        }
        if (!attempt.passwordMatched()) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
        }
        if (unconfirmed.orderedStream().anyMatch(accounts -> accounts.unconfirmed(user))) {
            throw new DisabledException("Adresse électronique non confirmée.");
        }
        List<SimpleGrantedAuthority> authorities = Groups.of(identity, user).stream()
                .map(Groups::authority)
                .map(SimpleGrantedAuthority::new)
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
