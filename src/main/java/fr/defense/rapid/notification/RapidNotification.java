package fr.defense.rapid.notification;

/** The notifications of the RAPID procedure, with the subject their mail will carry. */
public enum RapidNotification {
    ACKNOWLEDGMENT("Accusé de réception de votre dossier", Recipient.APPLICANT),
    INELIGIBILITY("Votre dossier n'est pas éligible", Recipient.APPLICANT),
    COMPLEMENTS_REQUEST("Compléments demandés pour votre dossier", Recipient.APPLICANT),
    COMPLEMENTS_REMINDER("Rappel : compléments attendus pour votre dossier", Recipient.APPLICANT),
    CLOSURE_WITHOUT_FOLLOW_UP("Votre dossier est classé sans suite", Recipient.APPLICANT),
    EVALUATION_OVERDUE("Délai d'évaluation technique dépassé", Recipient.MANAGERS),
    APPROVAL("Décision du comité : aide accordée", Recipient.APPLICANT),
    REJECTION("Décision du comité : dossier rejeté", Recipient.APPLICANT),
    GRANT_AWARDED("Subvention attribuée", Recipient.APPLICANT),
    WITHDRAWAL("Retrait de votre dossier confirmé", Recipient.APPLICANT);

    public enum Recipient { APPLICANT, MANAGERS }

    private final String subject;
    private final Recipient recipient;

    RapidNotification(String subject, Recipient recipient) {
        this.subject = subject;
        this.recipient = recipient;
    }

    public String subject() {
        return subject;
    }

    public Recipient recipient() {
        return recipient;
    }
}
