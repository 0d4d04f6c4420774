package fr.defense.rapid.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * SMEs never get a session in the Camunda webapps. Camunda lets every user log into its
 * "welcome" application, and such a session reaches the webapps' engine API with the user's
 * engine rights (an SME could then start processes or edit its tasks' variables directly):
 * refuse the webapp login of any member of the {@code sme} group, whichever application it names,
 * and of any user in no group at all (an SME account not yet confirmed).
 */
class SmeWebappLoginBlocker extends OncePerRequestFilter {

    private static final String LOGIN = "/camunda/api/admin/auth/user/";

    private final IdentityService identity;

    SmeWebappLoginBlocker(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !isWebappLogin(request);
    }

    /** The webapps' login: {@code POST /camunda/api/admin/auth/user/<engine>/login/<app>}. */
    static boolean isWebappLogin(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equals(request.getMethod()) && path.startsWith(LOGIN) && path.contains("/login/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        boolean sme = user != null
                && identity.createGroupQuery()
                                .groupMember(user)
                                .groupId(Groups.SME)
                                .count()
                        > 0;
        // An SME account whose address is not confirmed yet is in no group: no session for it either.
        boolean unconfirmed = user != null
                && !sme
                && identity.createGroupQuery().groupMember(user).count() == 0
                && identity.createUserQuery().userId(user).count() > 0;
        if (sme || unconfirmed) {
            response.sendError(HttpStatus.FORBIDDEN.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
