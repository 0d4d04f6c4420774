package fr.defense.rapid.portal;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.system.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The signed-in SME's own dossier or case; anybody else's reads as unknown (404, never 403: no oracle). */
@Component
class OwnCases {

    private final DossierRepository dossiers;
    private final MediationRepository mediations;

    OwnCases(DossierRepository dossiers, MediationRepository mediations) {
        this.dossiers = dossiers;
        this.mediations = mediations;
    }

    Dossier dossier(String number, Authentication user) {
        return dossiers.find(number)
                .filter(d -> d.ownerId().equals(user.getName()))
                .orElseThrow(() -> new NotFoundException(number));
    }

    MediationCase mediation(String number, Authentication user) {
        return mediations
                .find(number)
                .filter(c -> c.ownerId().equals(user.getName()))
                .orElseThrow(() -> new NotFoundException(number));
    }
}
