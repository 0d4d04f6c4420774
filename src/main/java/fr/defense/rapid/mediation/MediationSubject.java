package fr.defense.rapid.mediation;

/** What a mediation request is about (docs/procedures.md §3), with its French label for people. */
public enum MediationSubject {
    LATE_PAYMENT("Retard de paiement"),
    CONTRACT_DISPUTE("Litige contractuel"),
    UNILATERAL_TERMINATION("Résiliation unilatérale"),
    IP_DISPUTE("Propriété intellectuelle"),
    PROCUREMENT_ACCESS("Accès à la commande publique"),
    RAPID_DECISION("Contestation d'une décision RAPID"),
    OTHER("Autre");

    private final String label;

    MediationSubject(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
