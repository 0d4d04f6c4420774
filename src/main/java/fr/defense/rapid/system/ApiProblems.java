package fr.defense.rapid.system;

import fr.defense.rapid.form.FieldViolation;
import fr.defense.rapid.form.FormValidationException;
import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of our JSON API as RFC 7807 problem details ({@code application/problem+json}), in
 * French, with one entry per refused field; never a stack trace or SQL.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(FormValidationException.class)
    ProblemDetail invalid(FormValidationException e) {
        return invalid(e.violations());
    }

    static ProblemDetail invalid(List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Saisie refusée, rien n'a été enregistré : corrigez les champs indiqués.");
        problem.setTitle("Saisie invalide");
        problem.setProperty("errors", violations);
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Introuvable");
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Action impossible à ce stade");
        return problem;
    }

    /** The same case moved on at the same moment (a deadline, a staff step): nothing was saved, try again. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail movedOnMeanwhile(OptimisticLockingException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Le dossier a évolué au même moment ; rien n'a été enregistré. Rechargez-le et réessayez.");
        problem.setTitle("Modification concurrente");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldViolation(e.getName(), "valeur « " + e.getValue() + " » invalide.")));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard.");
        problem.setTitle("Erreur interne");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un objet JSON valide (syntaxe ou type de valeur).");
        problem.setTitle("Requête illisible");
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own errors (method, media type, missing parameter…) keep their status, in French. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, "Requête non conforme à l'API ("
                + e.getClass().getSimpleName().replace("Exception", "") + ").");
        problem.setTitle("Requête refusée");
        return super.handleExceptionInternal(e, problem, headers, status, request);
    }
}
