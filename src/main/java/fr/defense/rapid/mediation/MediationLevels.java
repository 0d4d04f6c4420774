package fr.defense.rapid.mediation;

import fr.defense.rapid.security.Groups;
import org.springframework.stereotype.Component;

/**
 * Who mediates at which level (docs/procedures.md §3): the SME correspondents at level 1, the ministry's
 * mediators at level 2; level 3 is the national Médiateur des entreprises, outside this service.
 * The model's one mediation subprocess asks it for the group of its task:
 * {@code ${mediationLevels.group(level)}}.
 */
@Component
public class MediationLevels {

    public String group(int level) {
        return switch (level) {
            case 1 -> Groups.CORRESPONDENTS;
            case 2 -> Groups.MEDIATORS;
            default -> throw new IllegalArgumentException("No mediation in the ministry at level " + level);
        };
    }
}
