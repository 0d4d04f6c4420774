package fr.defense.rapid.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server, when one is configured ({@code spring.mail.host}); the
 * embedded default has none, and its notifications are only recorded.
 */
@Component
class Mailer {

    private final Optional<JavaMailSender> sender;
    private final NotificationSettings settings;

    Mailer(
            ObjectProvider<JavaMailSender> sender,
            @Value("${spring.mail.host:}") String host,
            NotificationSettings settings) {
        this.sender = host.isBlank() ? Optional.empty() : Optional.ofNullable(sender.getIfAvailable());
        this.settings = settings;
    }

    boolean configured() {
        return sender.isPresent();
    }

    /** Sends one mail with a plain-text and an HTML part; throws when the server does not accept it. */
    void send(List<String> to, String subject, MailTemplates.Rendered body, List<MailSource.Attachment> attachments) {
        JavaMailSender smtp = sender.orElseThrow();
        MimeMessage message = smtp.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.getFrom());
            helper.setTo(to.toArray(String[]::new));
            helper.setSubject(subject);
            helper.setText(body.text(), body.html());
            for (MailSource.Attachment attachment : attachments) {
                helper.addAttachment(
                        attachment.fileName(), new ByteArrayResource(attachment.content()), attachment.contentType());
            }
        } catch (MessagingException e) {
            throw new MailSendException("Cannot build the mail '" + subject + "'", e);
        }
        smtp.send(message);
    }
}
