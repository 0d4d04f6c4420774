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
     * address ({@code EMAIL}) or its user id ({@code USER_ID}). When none matches, {@code sirenClaim}
     * (ProConnect's {@code siret}: 14 digits, the first 9 the SIREN; or a SIREN of 9 digits) names the
     * company: a company with an account gets a request to join it, which its administrator accepts
     * or refuses; a SIREN with no account yet gets its company, this person its administrator, named
     * by {@code companyNameClaim} if the provider gives it. Only on e-mail matching (the account found
     * at the next sign-on is the one enrolled); a blank {@code sirenClaim} enrols nobody.
     */
    public record Sme(
            @DefaultValue("email") String claim,
            @DefaultValue("email") Match matchOn,
            @DefaultValue("siret") String sirenClaim,
            @DefaultValue("") String companyNameClaim) {

        /** Whether a person no account matches may be enrolled by the SIREN claim. */
        boolean enrols() {
            return matchOn == Match.EMAIL && sirenClaim != null && !sirenClaim.isBlank();
        }
    }

    public enum Match {
        EMAIL,
        USER_ID
    }
}
