package fr.defense.rapid.account;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
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
        } catch (DataIntegrityViolationException e) {
            // Another registration of the same new SIREN (or the same account id) committed first.
            log.info("Registration rolled back: a concurrent one took the same key ({})", e.getMessage());
            response.setStatus(HttpStatus.CONFLICT.value());
            return form(
                    model,
                    form,
                    Map.of(
                            "companySiren",
                            "Une autre inscription de cette entreprise vient d'être enregistrée à l'instant : "
                                    + "rien n'a été enregistré pour vous. Envoyez de nouveau le formulaire : votre "
                                    + "demande sera transmise à l'administrateur de l'entreprise."));
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
            return form(model, form, outcome.errors());
        }
        return message(
                model,
                "Vérifiez votre messagerie",
                "success",
                "Votre demande est enregistrée. Un courriel vient d'être envoyé à "
                        + form.contactEmail().strip()
                        + " : ouvrez le lien qu'il contient pour confirmer votre adresse. Votre identifiant de "
                        + "connexion est " + outcome.userId() + "."
                        + (outcome.joinsACompany()
                                ? " Cette entreprise a déjà un compte : une fois votre adresse confirmée, votre "
                                        + "demande sera transmise à son administrateur, qui l'acceptera ou la refusera."
                                : ""));
    }

    /** The form again, as typed but without the passwords, with its errors. */
    private static String form(Model model, RegistrationForm form, Map<String, String> errors) {
        model.addAttribute(
                "form",
                new RegistrationForm(
                        form.companySiren(), form.companyName(), form.contactName(), form.contactEmail(), "", ""));
        model.addAttribute("errors", errors);
        return "portal/registration";
    }

    @GetMapping(CONFIRMATION)
    String confirmation(@RequestParam(name = "jeton", required = false) String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "portal/registration-confirm";
    }

    @PostMapping(CONFIRMATION)
    String confirm(
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response) {
        Registrations.Confirmation confirmation = registrations.confirm(token);
        AccountTokens.Refusal refusal = confirmation.refusal();
        if (refusal == null && confirmation.awaitsApproval()) {
            model.addAttribute("noLogin", true);
            return message(
                    model,
                    "Demande transmise à l'administrateur",
                    "info",
                    "Votre adresse électronique est confirmée. Votre entreprise a déjà un compte : votre demande "
                            + "de le rejoindre est transmise à son administrateur. Vous ne pourrez utiliser l'espace "
                            + "entreprises qu'une fois votre demande acceptée ; un courriel vous le dira.");
        }
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
