package fr.defense.rapid.notification;

/** The notifications of the RAPID and mediation procedures, with the subject their mail will carry. */
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
    WITHDRAWAL("Retrait de votre dossier confirmé", Recipient.APPLICANT),

    MEDIATION_ACKNOWLEDGMENT("Accusé de réception de votre demande de médiation", Recipient.APPLICANT),
    MEDIATION_ADMISSIBLE("Votre demande de médiation est recevable", Recipient.APPLICANT),
    MEDIATION_ESCALATION("Votre médiation est confiée au médiateur du ministère", Recipient.APPLICANT),
    MEDIATION_DEADLINE_PASSED("Échéance de médiation dépassée", Recipient.CASE_HANDLERS),
    MEDIATION_HANDOFF("Saisine du Médiateur des entreprises", Recipient.NATIONAL_MEDIATOR),
    MEDIATION_OUTCOME("Issue de votre demande de médiation", Recipient.APPLICANT),
    MEDIATION_SURVEY("Votre avis sur le service de médiation", Recipient.APPLICANT);

    /** Who a notification goes to; case handlers are the current level's group and the managers. */
    public enum Recipient {
        APPLICANT,
        MANAGERS,
        CASE_HANDLERS,
        NATIONAL_MEDIATOR
    }

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
