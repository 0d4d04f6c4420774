package fr.defense.rapid.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page of the whole application ({@code /error}, where the servlet container sends
 * whatever fails before or outside Spring MVC: a filter's refusal, a request the firewall rejects),
 * as a French problem document, in place of Spring Boot's English one. Asked for directly, with
 * no error to report, it answers 404 rather than Spring's 500 "status 999".
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status));
    }

    static ProblemDetail problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String[] words = switch (status) {
            case 400 -> new String[] {"Requête refusée", "La requête est mal formée : rien n'a été lu ni enregistré."};
            case 401 -> new String[] {"Authentification requise", "Identifiez-vous pour utiliser ce service."};
            case 403 -> new String[] {"Accès refusé", "Votre profil ne donne pas accès à ce service."};
            case 404 -> new String[] {"Introuvable", "Aucune ressource à cette adresse."};
            case 405 -> new String[] {"Méthode non permise", "Cette adresse n'accepte pas cette méthode HTTP."};
            case 406 -> new String[] {"Format non disponible", "Cette ressource n'existe qu'en JSON."};
            case 413 -> new String[] {"Requête trop volumineuse", "Le corps de la requête dépasse la taille permise."};
            case 415 ->
                new String[] {"Format non accepté", "Envoyez le corps de la requête en JSON (application/json)."};
            default ->
                status >= 500
                        ? new String[] {
                            "Erreur interne",
                            "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard."
                        }
                        : new String[] {"Requête refusée", "La requête n'a pas pu être traitée (statut " + status + ")."
                        };
        };
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.BAD_REQUEST, words[1]);
        problem.setStatus(status);
        problem.setTitle(words[0]);
        return problem;
    }
}
