package fr.defense.rapid.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
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
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of our JSON API as RFC 7807 problem details ({@code application/problem+json}), in
 * French, with one entry per refused field; never a stack trace or SQL. Global: a request that no
 * controller serves (404, 405, 415…) gets the same format; errors raised before Spring MVC (a
 * filter, Tomcat) reach {@link ProblemErrorController}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(FormValidationException.class)
    ProblemDetail invalid(FormValidationException e) {
        return invalid(e.violations());
    }

    /** At most {@link FormValidationException#MAX_LISTED} errors, and how many more there are. */
    static ProblemDetail invalid(List<FieldViolation> violations) {
        int more = Math.max(0, violations.size() - FormValidationException.MAX_LISTED);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Saisie refusée, rien n'a été enregistré : corrigez les champs indiqués."
                        + (more > 0
                                ? " Seules les " + FormValidationException.MAX_LISTED
                                        + " premières erreurs sont listées ; " + more + " autres ne le sont pas."
                                : ""));
        problem.setTitle("Saisie invalide");
        problem.setProperty("errors", violations.subList(0, violations.size() - more));
        if (more > 0) {
            problem.setProperty("moreErrors", more);
        }
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
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
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard.");
        problem.setTitle("Erreur interne");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimit.TooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                        .body(RequestBodyLimit.problem(tooLarge.limit()));
            }
            if (cause instanceof StreamConstraintsException) {
                return ResponseEntity.badRequest()
                        .body(invalid(List.of(new FieldViolation("(corps)", "valeur trop longue ou trop imbriquée."))));
            }
            if (cause instanceof JsonParseException parse
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
                return ResponseEntity.badRequest()
                        .body(invalid(List.of(new FieldViolation(
                                field, "champ présent deux fois dans la requête : envoyez-le une seule fois."))));
            }
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Le corps de la requête n'est pas un objet JSON valide (syntaxe ou type de valeur).");
        problem.setTitle("Requête illisible");
        return ResponseEntity.badRequest().body(problem);
    }

    /** Spring's own errors (unknown address, method, media type, missing parameter…) keep their status, in French. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return super.handleExceptionInternal(
                e, ProblemErrorController.problem(status.value()), headers, status, request);
    }
}
