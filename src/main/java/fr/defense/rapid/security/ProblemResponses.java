package fr.defense.rapid.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.system.Messages;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/** 401, 403 and 429 as RFC 7807 problem details in French, for the API clients. */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof LoginThrottledException throttled) {
                tooManyAttempts(response, throttled.retryAfter());
                return;
            }
            // A page's script (the portal's) handles a lost session itself: no password prompt for it.
            if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"rapid-bpm\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, Messages.forStatus(401)[0], Messages.forStatus(401)[1]);
        };
    }

    /** Refused: 403 for a known user; 401 for nobody in particular (e.g. a write without session nor credentials). */
    public AccessDeniedHandler forbidden() {
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        return (request, response, e) -> {
            boolean bringsCredentials =
                    request.getHeader("Authorization") != null || request.getRequestedSessionId() != null;
            if (e instanceof CsrfException && bringsCredentials) {
                write(
                        response,
                        HttpStatus.FORBIDDEN,
                        Messages.get("problem.csrf.title"),
                        Messages.get("problem.csrf.detail"));
                return;
            }
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || caller instanceof AnonymousAuthenticationToken) {
                unauthenticated.commence(request, response, new InsufficientAuthenticationException(e.getMessage()));
                return;
            }
            write(response, HttpStatus.FORBIDDEN, Messages.forStatus(403)[0], Messages.forStatus(403)[1]);
        };
    }

    /** 429 with Retry-After: the login throttle asks to wait. */
    void tooManyAttempts(HttpServletResponse response, Duration wait) throws IOException {
        response.setHeader("Retry-After", String.valueOf(LoginThrottledException.seconds(wait)));
        // "message" too: the Camunda webapps' login page shows a refusal's message, not its detail.
        write(
                response,
                HttpStatus.TOO_MANY_REQUESTS,
                Messages.get("problem.throttled.title"),
                LoginThrottledException.message(wait),
                LoginThrottledException.message(wait));
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(response, status, title, detail, null);
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail, String message)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (message != null) {
            problem.setProperty("message", message);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
