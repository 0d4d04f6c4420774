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
                Messages.get("problem.invalid.detail")
                        + (more > 0
                                ? Messages.get("problem.invalid.more", FormValidationException.MAX_LISTED, more)
                                : ""));
        problem.setTitle(Messages.get("problem.invalid.title"));
        problem.setProperty("errors", violations.subList(0, violations.size() - more));
        if (more > 0) {
            problem.setProperty("moreErrors", more);
        }
        return problem;
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle(Messages.get("problem.notFound.title"));
        return problem;
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(Messages.get("problem.conflict.title"));
        return problem;
    }

    /** The same case moved on at the same moment (a deadline, a staff step): nothing was saved, try again. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail movedOnMeanwhile(OptimisticLockingException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, Messages.get("problem.concurrent.detail"));
        problem.setTitle(Messages.get("problem.concurrent.title"));
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongParameter(MethodArgumentTypeMismatchException e) {
        return invalid(
                List.of(new FieldViolation(e.getName(), Messages.get("problem.invalid.parameter", e.getValue()))));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, Messages.get("problem.500.detail"));
        problem.setTitle(Messages.get("problem.500.title"));
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
                        .body(invalid(List.of(new FieldViolation("(corps)", Messages.get("problem.invalid.tooDeep")))));
            }
            if (cause instanceof JsonParseException parse
                    && parse.getOriginalMessage().startsWith("Duplicate field")) {
                String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
                return ResponseEntity.badRequest()
                        .body(invalid(List.of(new FieldViolation(field, Messages.get("problem.invalid.duplicate")))));
            }
        }
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, Messages.get("problem.unreadable.detail"));
        problem.setTitle(Messages.get("problem.unreadable.title"));
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
