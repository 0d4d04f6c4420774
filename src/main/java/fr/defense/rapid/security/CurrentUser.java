package fr.defense.rapid.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The authenticated caller, with the Camunda groups the engine needs to know. */
public record CurrentUser(String id, List<String> groups) {

    private static final String PREFIX = Groups.authority("");

    public static CurrentUser of(Authentication authentication) {
        List<String> groups = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(PREFIX))
                .map(authority -> authority.substring(PREFIX.length()))
                .toList();
        return new CurrentUser(authentication.getName(), groups);
    }
}
