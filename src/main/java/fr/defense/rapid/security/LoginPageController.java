package fr.defense.rapid.security;

import fr.defense.rapid.security.sso.SsoSettings;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The login page of the SME portal and API session, in French, with the portal's look (the
 * template is the portal's). Spring Security's generated page is English.
 */
@Controller
class LoginPageController {

    private final SsoSettings sso;

    LoginPageController(SsoSettings sso) {
        this.sso = sso;
    }

    @GetMapping("/login")
    String loginPage(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String retry,
            @RequestParam(required = false) String unconfirmed,
            @RequestParam(required = false) String awaiting,
            @RequestParam(required = false) String removed,
            Model model) {
        // The single sign-on button, only when it is on (rapid.sso.enabled).
        model.addAttribute("ssoProvider", sso.enabled() ? sso.providerName() : null);
        // Only the failure handler writes retry: anything else in it is ignored, the page still shows.
        if (retry != null && retry.matches("\\d{1,5}")) {
            message(model, "error", LoginThrottledException.message(Duration.ofSeconds(Long.parseLong(retry))));
        } else if (unconfirmed != null) {
            // Only after the right password (CamundaIdentityAuthenticationProvider): tells a stranger nothing.
            message(
                    model,
                    "error",
                    "Votre compte n'est pas encore activé : confirmez d'abord votre adresse électronique en ouvrant "
                            + "le lien du courriel reçu à l'inscription, puis connectez-vous. Si ce lien a expiré, "
                            + "inscrivez-vous à nouveau.");
        } else if (awaiting != null) {
            message(
                    model,
                    "warning",
                    "Votre demande d'accès au compte de votre entreprise attend l'accord de son administrateur\u00a0: "
                            + "vous recevrez un courriel dès qu'il l'aura acceptée.");
        } else if (removed != null) {
            message(
                    model,
                    "error",
                    "Ce compte a été retiré du compte de votre entreprise par son administrateur\u00a0: adressez-vous "
                            + "à lui pour y être invité à nouveau.");
        } else if (error != null) {
            message(model, "error", "Identifiant ou mot de passe incorrect.");
        } else if (expired != null) {
            message(model, "warning", "Votre session a expiré : reconnectez-vous pour continuer.");
        } else if (logout != null) {
            message(model, "info", "Vous êtes déconnecté.");
        }
        return "portal/login";
    }

    /** Where the login failure of an inactive account leads: the page that says why (after the right password only). */
    static String inactive(InactiveAccounts.Inactivity inactivity) {
        return switch (inactivity) {
            case UNCONFIRMED -> "/login?unconfirmed";
            case AWAITING_APPROVAL -> "/login?awaiting";
            case REMOVED -> "/login?removed";
        };
    }

    private static void message(Model model, String kind, String text) {
        model.addAttribute("message", text);
        model.addAttribute("messageKind", kind);
    }
}
