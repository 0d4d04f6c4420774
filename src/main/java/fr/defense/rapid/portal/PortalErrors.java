package fr.defense.rapid.portal;

import fr.defense.rapid.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The portal's pages answer an unknown case with a page, not the API's problem document: the
 * same « introuvable » page for another SME's number as for a number that does not exist.
 */
@ControllerAdvice(assignableTypes = {HomePage.class, DossierPages.class, MediationPages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Authentication user, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "Dossier introuvable");
        model.addAttribute(
                "message",
                "Ce dossier est introuvable parmi ceux de votre entreprise. Vérifiez son numéro, "
                        + "ou retrouvez vos dossiers depuis la page d'accueil.");
        return PortalView.render(model, user, "portal/message");
    }

    /** Anything else a page could not show: a French page, the details in the log only. */
    @ExceptionHandler(RuntimeException.class)
    String failed(RuntimeException e, HttpServletResponse response, Authentication user, Model model) {
        LOG.error("A portal page failed", e);
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        model.addAttribute("title", "Page indisponible");
        model.addAttribute(
                "message",
                "Cette page n'a pas pu être affichée. Réessayez dans un instant ; si le problème persiste, "
                        + "vos dossiers restent consultables depuis la page d'accueil.");
        return PortalView.render(model, user, "portal/message");
    }
}
