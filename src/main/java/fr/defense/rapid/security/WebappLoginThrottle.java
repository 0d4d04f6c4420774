package fr.defense.rapid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login throttle at the Camunda webapps' own login (Tasklist, Cockpit, Admin), whose password
 * check Camunda does itself: a login that must wait is answered 429 with Retry-After before the
 * password is checked; Camunda's 401 counts as a failure, any other answer clears the account's count.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;

    WebappLoginThrottle(LoginThrottle throttle, ProblemResponses problems) {
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !SmeWebappLoginBlocker.isWebappLogin(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        // Camunda checks the password itself, inside the chain: its 401 is the failure.
        LoginThrottle.Attempt attempt = throttle.check(user, request.getRemoteAddr(), () -> {
            try {
                chain.doFilter(request, response);
            } catch (IOException | ServletException e) {
                throw new IllegalStateException(e);
            }
            return response.getStatus() != HttpStatus.UNAUTHORIZED.value();
        });
        if (attempt.retryAfter().isPresent()) {
            problems.tooManyAttempts(response, attempt.retryAfter().get());
        }
    }
}
