package fr.defense.rapid.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * One identity store: Camunda's users and groups. Checks the password with the identity service
 * (which also locks an account for a while after failed attempts) and turns the user's groups
 * into authorities ({@code GROUP_<id>}).
 */
@Component
public class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identity;

    public CamundaIdentityAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        if (user == null || user.isBlank() || !identity.checkPassword(user, password)) {
            throw new BadCredentialsException("Identifiant ou mot de passe incorrect.");
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
