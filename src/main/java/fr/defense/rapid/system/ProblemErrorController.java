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
        String[] words = Messages.forStatus(status);
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(known != null ? known : HttpStatus.BAD_REQUEST, words[1]);
        problem.setStatus(status);
        problem.setTitle(words[0]);
        return problem;
    }
}
