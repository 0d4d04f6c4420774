package fr.defense.rapid.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page an invitation's link opens, open to anyone (under the registration pages): the invited
 * colleague chooses a name and a password. Opening the link uses nothing (a mail scanner may fetch
 * it); sending the form does.
 */
@Controller
class InvitationPages {

    static final String PAGE = RegistrationPages.REGISTRATION + "/invitation";

    private final Invitations invitations;

    InvitationPages(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping(PAGE)
    String form(
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response) {
        Invitations.Acceptance checked = invitations.check(token);
        if (checked.refusal() != null || checked.cancelled()) {
            return refused(checked, model, response);
        }
        return form(model, token, invitations.invited(checked.userId()), "", Map.of());
    }

    @PostMapping(PAGE)
    String accept(
            @RequestParam(name = "jeton", required = false) String token,
            @RequestParam(name = "contactName", required = false) String name,
            @RequestParam(name = "password", required = false) String password,
            @RequestParam(name = "passwordConfirmation", required = false) String confirmation,
            Model model,
            HttpServletResponse response) {
        Invitations.Acceptance acceptance = invitations.accept(token, name, password, confirmation);
        if (acceptance.refusal() != null || acceptance.cancelled()) {
            return refused(acceptance, model, response);
        }
        if (!acceptance.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(
                    model, token, invitations.invited(invitations.check(token).userId()), name, acceptance.errors());
        }
        model.addAttribute("title", "Compte créé");
        model.addAttribute("kind", "success");
        model.addAttribute(
                "text",
                "Votre compte est actif. Votre identifiant de connexion est " + acceptance.userId()
                        + " : connectez-vous avec le mot de passe que vous venez de choisir.");
        return "portal/account-message";
    }

    private static String form(
            Model model, String token, Invitations.Invited invited, String name, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("invited", invited);
        model.addAttribute("contactName", name == null ? "" : name);
        model.addAttribute("errors", errors);
        return "portal/invitation";
    }

    private static String refused(Invitations.Acceptance why, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("title", "Invitation inutilisable");
        model.addAttribute("kind", "error");
        model.addAttribute(
                "text",
                why.cancelled()
                        ? "Cette invitation a été annulée par l'administrateur du compte de votre entreprise."
                        : switch (why.refusal()) {
                            case EXPIRED ->
                                "Ce lien d'invitation a expiré. Demandez à l'administrateur du compte de votre "
                                        + "entreprise de vous inviter de nouveau.";
                            case USED -> "Ce lien d'invitation a déjà servi : votre compte existe, connectez-vous.";
                            case UNKNOWN ->
                                "Ce lien d'invitation n'est pas valide. Vérifiez qu'il est complet (copiez-le en "
                                        + "entier depuis le courriel), ou demandez une nouvelle invitation.";
                        });
        return "portal/account-message";
    }
}
