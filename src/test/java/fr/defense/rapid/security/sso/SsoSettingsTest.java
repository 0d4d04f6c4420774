package fr.defense.rapid.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The claim mapping of agents: groups, ids; the settings refuse a group that is not staff. The SIREN
 * an SME user's SIRET claim gives.
 */
class SsoSettingsTest {

    private final SsoSettings.Staff staff = new SsoSettings.Staff(
            "preferred_username",
            "roles",
            Map.of("rapid-secretariat", List.of("AID-RAPID"), "managers", List.of("ACHATS", "ACHATS-PILOTAGE")));

    @Test
    void aClaimWithOneValueOrManyGivesTheGroupsMappedToThem() {
        assertThat(staff.groupsOf(new Claims(Map.of("roles", List.of("AID-RAPID", "ACHATS-PILOTAGE", "AUTRE")))))
                .containsExactly("managers", "rapid-secretariat");
        assertThat(staff.groupsOf(new Claims(Map.of("roles", "ACHATS")))).containsExactly("managers");
        assertThat(staff.groupsOf(new Claims(Map.of("roles", List.of("aid-rapid")))))
                .isEmpty();
        assertThat(staff.groupsOf(new Claims(Map.of()))).isEmpty();
    }

    @Test
    void theUserIdIsTheClaimMadeSafeForCamunda() {
        assertThat(StaffSignOn.userId("jean.dupont@defense.gouv.fr")).isEqualTo("jean-dupont-defense-gouv-fr");
        assertThat(StaffSignOn.userId("JDupont")).isEqualTo("JDupont");
        assertThat(StaffSignOn.userId("  ..  ")).isNull();
        assertThat(StaffSignOn.userId(null)).isNull();
        assertThat(StaffSignOn.userId("x".repeat(65))).isNull();
    }

    @Test
    void onlyStaffGroupsCanBeMapped() {
        assertThatThrownBy(() -> new SsoSettings.Staff("sub", "groups", Map.of("sme", List.of("PME"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sme is not a staff group");
    }

    @Test
    void aSiretOrSirenClaimGivesTheSirenWhenItsKeyIsRight() {
        // 732829320: the demo company's SIREN (Luhn-valid).
        assertThat(SmeSignOn.siren("73282932000074")).isEqualTo("732829320");
        assertThat(SmeSignOn.siren("732 829 320 00074")).isEqualTo("732829320");
        assertThat(SmeSignOn.siren("732829320")).isEqualTo("732829320");
        // La Poste: a valid SIREN whose establishments' SIRETs fail the Luhn key.
        assertThat(SmeSignOn.siren("35600000000001")).isEqualTo("356000000");
        assertThat(SmeSignOn.siren("12345678900010")).as("wrong key").isNull();
        assertThat(SmeSignOn.siren("7328293200007")).as("13 digits").isNull();
        assertThat(SmeSignOn.siren("73282932A")).isNull();
        assertThat(SmeSignOn.siren("")).isNull();
        assertThat(SmeSignOn.siren(null)).isNull();
    }

    @Test
    void smeUsersAreEnrolledBySirenOnlyWhenMatchedByEmailWithASirenClaim() {
        assertThat(new SsoSettings.Sme("email", SsoSettings.Match.EMAIL, "siret", "").enrols())
                .isTrue();
        assertThat(new SsoSettings.Sme("email", SsoSettings.Match.EMAIL, " ", null).enrols())
                .isFalse();
        assertThat(new SsoSettings.Sme("uid", SsoSettings.Match.USER_ID, "siret", null).enrols())
                .isFalse();
    }
}
