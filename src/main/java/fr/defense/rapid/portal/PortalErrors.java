package fr.defense.rapid.portal;

import fr.defense.rapid.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
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
}
