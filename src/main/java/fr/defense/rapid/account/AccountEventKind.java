package fr.defense.rapid.account;

/** What happened to an account, as the audit log records it (code) and shows it (French label). */
public enum AccountEventKind {
    REGISTRATION("Inscription"),
    CONFIRMATION("Confirmation de l'adresse électronique"),
    LOGIN_SUCCESS("Connexion réussie"),
    LOGIN_FAILURE("Échec de connexion"),
    PASSWORD_RESET_REQUESTED("Réinitialisation du mot de passe demandée"),
    PASSWORD_RESET_DONE("Mot de passe réinitialisé"),
    INVITATION("Invitation"),
    ACCEPTANCE("Acceptation dans l'entreprise"),
    REMOVAL("Retrait de l'entreprise"),
    USER_CREATED("Utilisateur créé"),
    USER_UPDATED("Utilisateur modifié"),
    USER_DELETED("Utilisateur supprimé"),
    GROUP_MEMBERSHIP_ADDED("Ajout à un groupe"),
    GROUP_MEMBERSHIP_REMOVED("Retrait d'un groupe");

    private final String label;

    AccountEventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
