package fr.defense.rapid.account;

import org.springframework.http.HttpStatus;

/**
 * Why the company page refuses an action, in French, with the answer's status: thrown before
 * anything is written, so the transaction changes nothing.
 */
class CompanyRefusal extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    CompanyRefusal(HttpStatus status, String title, String message) {
        super(message);
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    static CompanyRefusal noCompany() {
        return new CompanyRefusal(
                HttpStatus.NOT_FOUND,
                "Entreprise introuvable",
                "Aucune entreprise n'est rattachée à votre compte sur l'espace entreprises.");
    }

    static CompanyRefusal notAdministrator() {
        return new CompanyRefusal(
                HttpStatus.FORBIDDEN,
                "Action réservée à l'administrateur",
                "Seul l'administrateur du compte de l'entreprise invite, accepte ou retire ses utilisateurs. "
                        + "Rien n'a été modifié.");
    }

    static CompanyRefusal unknownUser() {
        return new CompanyRefusal(
                HttpStatus.NOT_FOUND,
                "Utilisateur introuvable",
                "Cet utilisateur est introuvable parmi ceux de votre entreprise. Rien n'a été modifié.");
    }

    static CompanyRefusal alreadyHandled() {
        return new CompanyRefusal(
                HttpStatus.CONFLICT,
                "Déjà traité",
                "Cet utilisateur a déjà été traité (demande acceptée ou refusée, utilisateur retiré). "
                        + "Rien n'a été modifié.");
    }
}
