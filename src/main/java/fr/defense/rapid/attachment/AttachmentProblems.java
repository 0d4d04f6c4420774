package fr.defense.rapid.attachment;

import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.Messages;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused file (type, size, count, dossier total, empty) or a submission that lacks pieces: 422,
 * a problem document in French whose {@code detail} says what to do, and an {@code errors} entry
 * on {@code file} like the API's other refusals. Nothing was stored.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentProblems {

    @ExceptionHandler(AttachmentRefusedException.class)
    ProblemDetail refused(AttachmentRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
        problem.setTitle(Messages.get("attachment.refused.title"));
        problem.setProperty("errors", List.of(new FieldViolation("file", e.getMessage())));
        return problem;
    }
}
