package fr.defense.rapid.account;

import fr.defense.rapid.system.EmailAddresses;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The portal's « mot de passe oublié » pages, open to anyone: the address form, whose answer is the
 * same whatever the address (no way to learn whether it is an account's), and the page of the
 * mailed link, which sets the new password. Opening the link changes nothing (a mail scanner may
 * fetch it): only the form's POST uses it.
 */
@Controller
class PasswordResetPages {

    static final String FORGOTTEN = "/portail/mot-de-passe-oublie";
    static final String NEW_PASSWORD = FORGOTTEN + "/nouveau";

    private final PasswordResets resets;
    private final PasswordResetQueue queue;
    private final AccountSettings settings;

    PasswordResetPages(PasswordResets resets, PasswordResetQueue queue, AccountSettings settings) {
        this.resets = resets;
        this.queue = queue;
        this.settings = settings;
    }

    @GetMapping(FORGOTTEN)
    String form(Model model) {
        model.addAttribute("email", "");
        model.addAttribute("errors", Map.of());
        return "portal/password-forgotten";
    }

    @PostMapping(FORGOTTEN)
    String request(
            @RequestParam(name = "email", required = false) String typed, Model model, HttpServletResponse response) {
        String email = typed == null ? "" : typed.strip();
        // Only the address's form is checked here: that tells nothing about any account.
        if (email.isEmpty() || email.length() > 254 || !EmailAddresses.deliverable(email)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("email", email);
            model.addAttribute(
                    "errors",
                    Map.of("email", "Adresse électronique invalide : par exemple claire.martin@entreprise.fr."));
            return "portal/password-forgotten";
        }
        queue.submit(email, AccountAudit.clientAddress());
        return message(
                model,
                "Vérifiez votre messagerie",
                "success",
                "Si un compte correspond à cette adresse, un courriel vient de lui être envoyé avec un lien pour "
                        + "choisir un nouveau mot de passe. Ce lien est valable "
                        + inWords(settings.passwordResetValidity())
                        + " et ne sert qu'une fois. Rien reçu dans quelques minutes ? Vérifiez vos courriers "
                        + "indésirables et l'adresse saisie. Agents du ministère : votre mot de passe est réinitialisé "
                        + "par votre administrateur.");
    }

    @GetMapping(NEW_PASSWORD)
    String newPassword(
            @RequestParam(name = "jeton", required = false) String token, Model model, HttpServletResponse response) {
        AccountTokens.Use use = resets.check(token);
        if (use.refusal() != null) {
            return refused(use.refusal(), model, response);
        }
        return form(model, token, use.userId(), Map.of());
    }

    @PostMapping(NEW_PASSWORD)
    String setPassword(
            @RequestParam(name = "jeton", required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordConfirmation,
            Model model,
            HttpServletResponse response) {
        PasswordResets.Outcome outcome = resets.reset(token, password, passwordConfirmation);
        if (outcome.refusal() != null) {
            return refused(outcome.refusal(), model, response);
        }
        if (outcome.errors() != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return form(model, token, resets.check(token).userId(), outcome.errors());
        }
        resets.signOutEverywhere(outcome.userId());
        return message(
                model,
                "Mot de passe modifié",
                "success",
                "Votre nouveau mot de passe est enregistré. Connectez-vous avec votre identifiant, " + outcome.userId()
                        + ", et ce mot de passe.");
    }

    private static String form(Model model, String token, String userId, Map<String, String> errors) {
        model.addAttribute("token", token);
        model.addAttribute("userId", userId);
        model.addAttribute("errors", errors);
        return "portal/password-new";
    }

    private String refused(AccountTokens.Refusal refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.GONE.value());
        model.addAttribute("again", FORGOTTEN);
        return message(
                model,
                "Lien inutilisable",
                "error",
                switch (refusal) {
                    case EXPIRED ->
                        "Ce lien a expiré : il n'est valable que " + inWords(settings.passwordResetValidity())
                                + ". Votre mot de passe n'a pas changé. Demandez un nouveau lien.";
                    case USED ->
                        "Ce lien a déjà servi (ou un autre lien de réinitialisation a servi depuis) : il ne change "
                                + "plus rien. "
                                + "Connectez-vous avec votre mot de passe actuel, ou demandez un nouveau lien.";
                    case UNKNOWN ->
                        "Ce lien n'est pas valide : vérifiez qu'il est complet (copiez-le en entier depuis "
                                + "le courriel), ou demandez un nouveau lien. Votre mot de passe n'a pas changé.";
                });
    }

    /** « 1 heure », « 2 heures », « 30 minutes »: the validity as the page says it. */
    static String inWords(Duration validity) {
        long minutes = validity.toMinutes();
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours + (hours > 1 ? " heures" : " heure");
        }
        return minutes + (minutes > 1 ? " minutes" : " minute");
    }

    private static String message(Model model, String title, String kind, String text) {
        model.addAttribute("title", title);
        model.addAttribute("kind", kind);
        model.addAttribute("text", text);
        return "portal/account-message";
    }
}
