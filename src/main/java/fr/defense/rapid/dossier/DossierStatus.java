package fr.defense.rapid.dossier;

/** Where a dossier stands, with the sentence its timeline shows. */
public enum DossierStatus {
    SUBMITTED("Dossier déposé", false),
    INELIGIBLE("Dossier déclaré inéligible", true),
    COMPLETENESS_CHECK("Vérification de la complétude par le secrétariat RAPID", false),
    AWAITING_COMPLEMENTS("Compléments demandés au déposant", false),
    CLOSED_WITHOUT_FOLLOW_UP("Dossier classé sans suite : compléments non fournis dans le délai", true),
    UNDER_EVALUATION("Évaluation technique par les experts de la DGA", false),
    AWAITING_DECISION("Proposition de financement soumise au comité de pilotage", false),
    APPROVED("Aide accordée par le comité ; convention à accepter", false),
    REJECTED("Dossier rejeté par le comité", true),
    GRANTED("Convention acceptée : subvention attribuée", true),
    AGREEMENT_DECLINED("Convention refusée par le déposant", true),
    AGREEMENT_EXPIRED("Convention non acceptée dans le délai", true),
    WITHDRAWN("Dossier retiré par le déposant", true);

    private final String description;
    private final boolean closing;

    DossierStatus(String description, boolean closing) {
        this.description = description;
        this.closing = closing;
    }

    public String description() {
        return description;
    }

    public boolean closing() {
        return closing;
    }
}
