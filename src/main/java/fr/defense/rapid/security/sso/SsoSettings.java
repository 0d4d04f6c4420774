package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.Groups;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on through an OpenID Connect provider (ProConnect for French state services), off by
 * default. {@code registration} names the client registration under
 * {@code spring.security.oauth2.client.registration}; see README, « Authentification unique ».
 */
@ConfigurationProperties("rapid.sso")
public record SsoSettings(
        boolean enabled,
        @DefaultValue("proconnect") String registration,
        @DefaultValue("ProConnect") String providerName,
        @DefaultValue Staff staff,
        @DefaultValue Sme sme) {

    /**
     * Staff: the claim that names the user (its Camunda id, once made id-safe), and the claim whose
     * values give the groups: {@code groups} maps each of our staff groups to the provider values
     * that grant it. A staff member with none of those values is refused.
     */
    public record Staff(
            @DefaultValue("preferred_username") String userIdClaim,
            @DefaultValue("groups") String groupsClaim,
            Map<String, List<String>> groups) {

        public Staff {
            groups = groups == null ? Map.of() : Map.copyOf(groups);
            for (String group : groups.keySet()) {
                if (!Groups.STAFF.contains(group)) {
                    throw new IllegalArgumentException(
                            "rapid.sso.staff.groups: " + group + " is not a staff group (one of " + Groups.STAFF + ")");
                }
            }
        }

        /** Our staff groups whose provider values the groups claim holds. */
        List<String> groupsOf(Claims claims) {
            List<String> values = claims.values(groupsClaim);
            return groups.entrySet().stream()
                    .filter(mapping -> mapping.getValue().stream().anyMatch(values::contains))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
        }
    }

    /**
     * SMEs: the claim that identifies an existing SME account, compared with the account's e-mail
     * address ({@code EMAIL}) or its user id ({@code USER_ID}). Nobody unknown gets an account.
     */
    public record Sme(
            @DefaultValue("email") String claim,
            @DefaultValue("email") Match matchOn) {}

    public enum Match {
        EMAIL,
        USER_ID
    }
}
