package fr.defense.rapid.security.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session cookie is SameSite=Strict, so the browser leaves it out of the provider's redirect
 * back to us (a navigation started by another site), and the sign-on would fail: the session holds
 * what was asked of the provider. Such a callback, arriving without a session, gets a page of ours
 * that reloads it at once: a navigation started by our own page, which carries the cookie. Once
 * only ({@code rebond}): a browser that still sends no cookie gets the ordinary failure.
 */
class StrictCookieBounce extends OncePerRequestFilter {

    static final String AGAIN = "rebond";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/login/oauth2/code/")
                || !"GET".equals(request.getMethod())
                || request.getRequestedSessionId() != null
                || request.getParameter(AGAIN) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        request.setAttribute(
                SsoPages.CONTINUE_URL,
                request.getRequestURI() + "?" + (query == null ? "" : query + "&") + AGAIN + "=1");
        request.getRequestDispatcher(SsoPages.CONTINUE).forward(request, response);
    }
}
