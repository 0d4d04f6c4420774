package fr.defense.rapid.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * A request that brings HTTP Basic credentials is authenticated by them alone, never by the
 * session it may also carry: so when it is exempt from CSRF (it sends its credentials, no browser
 * adds them behind the user's back), HTTP Basic has really authenticated it, or refused it.
 * Without this, Spring's Basic filter keeps a session's login when the header names the same
 * user, whatever password it holds.
 */
final class BasicIgnoresSession implements SecurityContextRepository {

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final RequestMatcher basic;

    BasicIgnoresSession(RequestMatcher basic) {
        this.basic = basic;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (!basic.matches(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return basic.matches(holder.getRequest())
                ? SecurityContextHolder.createEmptyContext()
                : sessions.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        if (!basic.matches(request)) {
            sessions.saveContext(context, request, response);
        }
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return !basic.matches(request) && sessions.containsContext(request);
    }
}
