package fr.defense.rapid.security;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * One identity store: Camunda's users and groups. Checks the password with the identity service,
 * unless the login throttle says to wait (a stranger's guesses slow the next attempts down, they
 * never lock the owner out), and turns the user's groups into authorities ({@code GROUP_<id>}). An SME
 * account not confirmed, waiting for its company's administrator or removed from its company is
 * refused after its password matched ({@link InactiveAccountException}: the login page says why, the
 * audit log records a failure); otherwise it would sign in to a page refusing it everything.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;
    private final LoginThrottle throttle;
    private final ObjectProvider<InactiveAccounts> inactive;

    public CamundaIdentityAuthenticationProvider(
            IdentityService identity, LoginThrottle throttle, ObjectProvider<InactiveAccounts> inactive) {
        this.identity = identity;
        this.throttle = throttle;
        this.inactive = inactive;
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
        Optional<InactiveAccounts.Inactivity> inactivity = inactive.orderedStream()
                .flatMap(accounts -> accounts.inactivity(user).stream())
                .findFirst();
        if (inactivity.isPresent()) {
            throw new InactiveAccountException(inactivity.get());
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
