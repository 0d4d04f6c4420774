package fr.defense.rapid.security.sso;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Who a sign-on is for, chosen by the door the user took (« espace des agents » or « espace
 * entreprises ») and kept in the session until the provider sends the user back: one provider
 * may know both agents and professionals, and the same person must not become staff by taking
 * the SMEs' door, nor the other way round.
 */
enum SsoAudience {
    STAFF,
    SME;

    private static final String ATTRIBUTE = SsoAudience.class.getName();

    void remember(HttpServletRequest request) {
        request.getSession().setAttribute(ATTRIBUTE, name());
    }

    /** The audience of the sign-on now ending, forgotten at once: one sign-on, one audience. */
    static Optional<SsoAudience> take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof String name)) {
            return Optional.empty();
        }
        session.removeAttribute(ATTRIBUTE);
        return Optional.of(valueOf(name));
    }
}
