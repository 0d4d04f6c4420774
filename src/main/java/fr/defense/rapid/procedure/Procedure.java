package fr.defense.rapid.procedure;

/**
 * The procedures this service runs. Each numbers its cases {@code <prefix>-<year>-<5 digits>}
 * (the process instance's business key): the prefix alone says which procedure a case belongs to.
 */
public enum Procedure {
    RAPID("RAPID", "au dossier"),
    MEDIATION("MED", "à la demande de médiation");

    private final String prefix;
    /** How a message names one of its cases after « a déjà servi ». */
    private final String caseWording;

    Procedure(String prefix, String caseWording) {
        this.prefix = prefix;
        this.caseWording = caseWording;
    }

    public String prefix() {
        return prefix;
    }

    String caseWording() {
        return caseWording;
    }
}
