package fr.defense.rapid.security.sso;

import fr.defense.rapid.system.Messages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The doors of single sign-on (one for agents, one for SMEs), its refusal page and the page that
 * brings the provider's answer back with our session cookie (StrictCookieBounce). In French, with
 * the portal's look. Absent when single sign-on is off.
 */
@Controller
@ConditionalOnProperty(name = "rapid.sso.enabled", havingValue = "true")
class SsoPages {

    static final String REFUSED = "/sso/refus";
    static final String REQUEST = "/sso/demande";
    static final String CONTINUE = "/sso/suite";
    static final String CONTINUE_URL = SsoPages.class.getName() + ".continue";

    private final SsoSettings settings;

    SsoPages(SsoSettings settings) {
        this.settings = settings;
    }

    @GetMapping("/sso/agents")
    String staff(HttpServletRequest request) {
        SsoAudience.STAFF.remember(request);
        return "redirect:/oauth2/authorization/" + settings.registration();
    }

    @GetMapping("/sso/entreprises")
    String sme(HttpServletRequest request) {
        SsoAudience.SME.remember(request);
        return "redirect:/oauth2/authorization/" + settings.registration();
    }

    @GetMapping(REFUSED)
    String refused(@RequestParam(required = false) String motif, Model model) {
        SsoRefusal refusal = SsoRefusal.of(motif).orElse(SsoRefusal.FAILED);
        model.addAttribute("provider", settings.providerName());
        model.addAttribute("refusal", refusal.code);
        model.addAttribute("message", Messages.get("sso.refused." + refusal.code, settings.providerName()));
        return "sso/refused";
    }

    /** A request to join a company, sent or still waiting: no refusal, but the portal is not open yet. */
    @GetMapping(REQUEST)
    String request(@RequestParam(required = false) String motif, Model model) {
        SsoRefusal refusal = SsoRefusal.of(motif).filter(found -> found.request).orElse(null);
        if (refusal == null) {
            return "redirect:" + SsoRefusal.FAILED.page();
        }
        model.addAttribute("provider", settings.providerName());
        model.addAttribute("refusal", refusal.code);
        model.addAttribute(
                "title",
                refusal == SsoRefusal.SME_REQUEST_SENT ? "Demande d'accès envoyée" : "Demande d'accès en attente");
        model.addAttribute("message", Messages.get("sso.request." + refusal.code, settings.providerName()));
        return "sso/request";
    }

    /** Only ever forwarded to: the address to reload is the request's own, never a parameter. */
    @GetMapping(CONTINUE)
    String continueSignOn(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(CONTINUE_URL) instanceof String url)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("url", url);
        return "sso/continue";
    }
}
