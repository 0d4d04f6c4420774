package fr.defense.rapid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login throttle at the Camunda webapps' own login (Tasklist, Cockpit, Admin), whose password
 * check Camunda does itself: a login that must wait is answered 429 with Retry-After before the
 * password is checked; Camunda's 401 counts as a failure, any other answer clears the account's count.
 * Its outcome is published as Spring Security's events (a success: 200; a failure: 401), as the
 * portal's login publishes them, for the account audit log.
 */
class WebappLoginThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final ProblemResponses problems;
    private final ApplicationEventPublisher events;

    WebappLoginThrottle(LoginThrottle throttle, ProblemResponses problems, ApplicationEventPublisher events) {
        this.throttle = throttle;
        this.problems = problems;
        this.events = events;
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
        } else {
            publish(request, user, response.getStatus());
        }
    }

    private void publish(HttpServletRequest request, String user, int status) {
        if (status == HttpStatus.OK.value()) {
            var login = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
            login.setDetails(new WebAuthenticationDetails(request));
            events.publishEvent(new InteractiveAuthenticationSuccessEvent(login, WebappLoginThrottle.class));
        } else if (status == HttpStatus.UNAUTHORIZED.value()) {
            var login = UsernamePasswordAuthenticationToken.unauthenticated(user, null);
            login.setDetails(new WebAuthenticationDetails(request));
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    login, new BadCredentialsException("Refused by the webapps' login")));
        }
    }
}
