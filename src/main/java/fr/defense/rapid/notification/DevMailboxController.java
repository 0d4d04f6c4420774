package fr.defense.rapid.notification;

import java.util.stream.Collectors;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The embedded default has no SMTP server: this page shows the last notifications as they would
 * have been sent (demo profile only).
 */
@Controller
@Profile("demo")
class DevMailboxController {

    private final NotificationRepository notifications;

    DevMailboxController(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @GetMapping(value = "/dev/mails", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String mails() {
        String rows = notifications.recent(100).stream()
                .map(n -> "<article><h2>" + esc(n.subject()) + "</h2><p><b>À :</b> " + esc(n.recipients())
                        + " — <b>" + n.status() + "</b> (" + n.attempts() + " tentative(s)"
                        + (n.possibleRepeats() > 0 ? ", peut-être envoyé en double" : "") + "), " + n.createdAt()
                        + " — " + esc(n.messageId())
                        + "</p><pre>" + esc(n.bodyText()) + "</pre></article>")
                .collect(Collectors.joining("\n"));
        return """
                <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Courriels — RAPID (démo)</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:auto}pre{white-space:pre-wrap;background:#f4f4f4;padding:1em}</style>
                </head><body><h1>Courriels préparés (aucun serveur SMTP configuré)</h1>%s</body></html>
                """.formatted(rows.isEmpty() ? "<p>Aucun courriel pour l'instant.</p>" : rows);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
