package fr.defense.rapid.mediation;

/** How a mediation case ends (docs/procedures.md §3). FAILURE is a level's outcome: the case then goes up. */
public enum MediationOutcome {
    AGREEMENT("Accord trouvé"),
    FAILURE("Échec de la médiation"),
    WITHDRAWN("Demande retirée"),
    NOT_ADMISSIBLE("Demande non recevable"),
    ESCALATED_EXTERNAL("Transmis au Médiateur des entreprises");

    private final String label;

    MediationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
