package fr.defense.rapid.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's registration pages, open to anyone: the form, the page that says to check one's
 * mail, and the confirmation of the address. The link of the mail opens a page whose button
 * confirms (a POST): a mail scanner that fetches the link confirms nothing.
 */
@Controller
class RegistrationPages {

    static final String REGISTRATION = "/portail/inscription";
    static final String CONFIRMATION = REGISTRATION + "/confirmation";

    private static final Logger log = LoggerFactory.getLogger(RegistrationPages.class);

    private final Registrations registrations;

    RegistrationPages(Registrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping(REGISTRATION)
    String form(Model model) {
        model.addAttribute("form", RegistrationForm.empty());
        model.addAttribute("errors", Map.of());
        return "portal/registration";
    }

    @PostMapping(REGISTRATION)
    String register(@ModelAttribute RegistrationForm form, Model model, HttpServletResponse response) {
        Registrations.Outcome outcome;
        try {
            outcome = registrations.register(form);
        } catch (MailException e) {
            log.warn("Registration rolled back: the confirmation mail was not accepted ({})", e.getMessage());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return message(
                    model,
                    "Inscription non enregistrée",
                    "error",
                    "Le courriel de confirmation n'a pas pu être envoyé : rien n'a été enregistré. "
                            + "Réessayez dans quelques minutes.");
        }
        if (!outcome.errors().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute(
                    "form",
                    new RegistrationForm(
                            form.companySiren(), form.companyName(), form.contactName(), form.contactEmail(), "", ""));
            model.addAttribute("errors", outcome.errors());
            return "portal/registration";
        }
        return message(
                model,
                "Vérifiez votre messagerie",
                "success",
                "Votre demande est enregistrée. Un courriel vient d'être envoyé à "
                        + form.contactEmail().strip()
                        + " : ouvrez le lien qu'il contient pour activer votre compte. Votre identifiant de connexion "
                        + "est " + outcome.userId() + ".");
    }

    @GetMapping(CONFIRMATION)
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "portal/registration-confirm";
    }

    @PostMapping(CONFIRMATION)
    String confirm(
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response) {
        AccountTokens.Refusal refusal = registrations.confirm(token);
        if (refusal == null) {
            return message(
                    model,
                    "Compte activé",
                    "success",
                    "Votre adresse électronique est confirmée et votre compte est actif : connectez-vous.");
        }
        response.setStatus(HttpStatus.GONE.value());
        return message(
                model,
                "Lien inutilisable",
                "error",
                switch (refusal) {
                    case EXPIRED -> "Ce lien a expiré. Inscrivez-vous à nouveau : un nouveau lien vous sera envoyé.";
                    case USED -> "Ce lien a déjà servi : votre compte est activé, connectez-vous.";
                    case UNKNOWN ->
                        "Ce lien n'est pas valide. Vérifiez qu'il est complet, ou inscrivez-vous à nouveau.";
                });
    }

    private static String message(Model model, String title, String kind, String text) {
        model.addAttribute("title", title);
        model.addAttribute("kind", kind);
        model.addAttribute("text", text);
        return "portal/account-message";
    }
}
