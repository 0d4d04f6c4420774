package fr.defense.rapid.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The claim mapping of agents: groups, ids; the settings refuse a group that is not staff. */
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
}
