package fr.defense.rapid.portal;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.system.NotFoundException;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A dossier or case of the signed-in SME's company; any other reads as unknown (404, never 403: no
 * oracle).
 */
@Component
class OwnCases {

    private final DossierRepository dossiers;
    private final MediationRepository mediations;
    private final CaseOwners owners;

    OwnCases(DossierRepository dossiers, MediationRepository mediations, CaseOwners owners) {
        this.dossiers = dossiers;
        this.mediations = mediations;
        this.owners = owners;
    }

    /** The users whose cases and tasks the signed-in SME works on: his company's. */
    Set<String> company(Authentication user) {
        return owners.sharingWith(user.getName());
    }

    Dossier dossier(String number, Authentication user) {
        return dossiers.find(number)
                .filter(d -> owners.shares(user.getName(), d.ownerId()))
                .orElseThrow(() -> new NotFoundException(number));
    }

    MediationCase mediation(String number, Authentication user) {
        return mediations
                .find(number)
                .filter(c -> owners.shares(user.getName(), c.ownerId()))
                .orElseThrow(() -> new NotFoundException(number));
    }
}
