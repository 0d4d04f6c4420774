package fr.defense.rapid.dashboard;

import fr.defense.rapid.system.FormValidationException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused filter, said as a reader expects it: nothing was computed (the shared refusal of a form,
 * « rien n'a été enregistré », speaks of a write). Each wrong parameter is named, as everywhere else.
 */
@RestControllerAdvice(assignableTypes = {DashboardApi.class, ExportController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardProblems {

    @ExceptionHandler(FormValidationException.class)
    ProblemDetail invalidFilter(FormValidationException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Filtre refusé : corrigez les paramètres indiqués. Aucun chiffre n'a été calculé ni exporté.");
        problem.setTitle("Filtre invalide");
        problem.setProperty("errors", e.violations());
        return problem;
    }
}
