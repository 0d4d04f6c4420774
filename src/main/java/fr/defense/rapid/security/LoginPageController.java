package fr.defense.rapid.security;

import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The session login of the SME API, in French. (Spring Security's generated page is English and
 * steps aside anyway once the API answers unauthenticated calls with a problem document.)
 */
@Controller
class LoginPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String loginPage(
            CsrfToken csrf,
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            @RequestParam(required = false) String retry) {
        // Only the failure handler writes retry: anything else in it is ignored, the page still shows.
        String message = retry != null && retry.matches("\\d{1,5}")
                ? "<p role=\"alert\">" + LoginThrottledException.message(Duration.ofSeconds(Long.parseLong(retry)))
                        + "</p>"
                : error != null
                        ? "<p role=\"alert\">Identifiant ou mot de passe incorrect.</p>"
                        : logout != null ? "<p role=\"status\">Vous êtes déconnecté.</p>" : "";
        return """
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8"><title>Connexion — RAPID</title></head>
                <body>
                <h1>Espace entreprises — dispositif RAPID</h1>
                %s
                <form method="post" action="/login">
                  <p><label for="username">Identifiant</label> <input id="username" name="username" autocomplete="username" required></p>
                  <p><label for="password">Mot de passe</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>
                  <input type="hidden" name="%s" value="%s">
                  <p><button type="submit">Se connecter</button></p>
                </form>
                </body></html>
                """.formatted(
                        message, HtmlUtils.htmlEscape(csrf.getParameterName()), HtmlUtils.htmlEscape(csrf.getToken()));
    }
}
