package fr.defense.rapid.portal;

import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.mediation.MediationCase;

/** A status as the portal shows it: a few words and a colour (the long description sits beside it). */
record StatusBadge(String label, String kind) {

    static StatusBadge of(DossierStatus status) {
        return switch (status) {
            case SUBMITTED -> new StatusBadge("Déposé", "info");
            case COMPLETENESS_CHECK, UNDER_EVALUATION, AWAITING_DECISION -> new StatusBadge("En instruction", "info");
            case AWAITING_COMPLEMENTS -> new StatusBadge("Compléments attendus", "warning");
            case APPROVED -> new StatusBadge("Convention à accepter", "warning");
            case GRANTED -> new StatusBadge("Subvention attribuée", "success");
            case REJECTED -> new StatusBadge("Rejeté", "error");
            case INELIGIBLE -> new StatusBadge("Inéligible", "error");
            case WITHDRAWN -> new StatusBadge("Retiré", "closed");
            case CLOSED_WITHOUT_FOLLOW_UP -> new StatusBadge("Classé sans suite", "closed");
            case AGREEMENT_DECLINED -> new StatusBadge("Convention refusée", "closed");
            case AGREEMENT_EXPIRED -> new StatusBadge("Convention expirée", "closed");
        };
    }

    static StatusBadge of(MediationCase found) {
        if (found.outcome() == null) {
            return new StatusBadge("En cours", "info");
        }
        return switch (found.outcome()) {
            case AGREEMENT -> new StatusBadge("Accord trouvé", "success");
            case ESCALATED_EXTERNAL -> new StatusBadge("Transmis au Médiateur des entreprises", "info");
            case NOT_ADMISSIBLE -> new StatusBadge("Non recevable", "error");
            case FAILURE -> new StatusBadge("Échec de la médiation", "error");
            case WITHDRAWN -> new StatusBadge("Retirée", "closed");
        };
    }
}
