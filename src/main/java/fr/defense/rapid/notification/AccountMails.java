package fr.defense.rapid.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mails of the account pages (confirmation, password reset, invitation), which carry a personal
 * link: sent at once, inside the request that asks for them, with the same templates and SMTP
 * server as the procedures' mails. A mail the server does not take throws, so that the request
 * fails and changes nothing, and the person is told to try again: no mail is lost unseen. They are
 * not kept in the {@code notification} table, whose copies of the texts staff may read: the links
 * they carry open an account. Without an SMTP server (the embedded default) they are not sent.
 */
@Component
public class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final MailTemplates templates;
    private final Mailer mailer;
    private final NotificationSettings settings;

    AccountMails(MailTemplates templates, Mailer mailer, NotificationSettings settings) {
        this.templates = templates;
        this.mailer = mailer;
        this.settings = settings;
    }

    /** The kinds of account mail, each with its template ({@code templates/mail/<name>}) and subject. */
    public enum AccountMail {
        ACCOUNT_CONFIRMATION("Confirmez votre adresse électronique"),
        ACCOUNT_INVITATION("Invitation à rejoindre l'espace entreprises du ministère des Armées"),
        ACCOUNT_JOIN_REQUEST("Une demande d'accès au compte de votre entreprise"),
        ACCOUNT_JOIN_ACCEPTED("Votre demande d'accès est acceptée"),
        ACCOUNT_JOIN_REFUSED("Votre demande d'accès n'est pas acceptée"),
        PASSWORD_RESET("Choisissez un nouveau mot de passe");

        private final String subject;

        AccountMail(String subject) {
            this.subject = subject;
        }

        public String subject() {
            return subject;
        }
    }

    /** The portal's address, which the links of the mails start with. */
    public String portalUrl() {
        return settings.getPortalUrl().replaceAll("/+$", "");
    }

    /** Sends it now; throws if the SMTP server does not accept it. The model is never logged. */
    public void send(AccountMail mail, String to, Map<String, Object> model) {
        if (!mailer.configured()) {
            log.warn("No SMTP server configured: account mail {} to {} not sent", mail, to);
            return;
        }
        MailTemplates.Rendered body = templates.render(mail.name(), model);
        String messageId = MessageIds.of("account:" + UUID.randomUUID(), settings.getMessageIdDomain());
        mailer.send(messageId, List.of(to), mail.subject(), body, List.of());
    }
}
