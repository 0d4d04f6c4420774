package fr.defense.rapid.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands a mail to the SMTP server, when one is configured ({@code spring.mail.host}); the
 * embedded default has none, and its notifications are only recorded. Public for the mails that
 * are no process's notification (the managers' weekly summary), so that they too keep one
 * {@code Message-ID} over their attempts.
 */
@Component
public class Mailer {

    private final Optional<JavaMailSender> sender;
    private final NotificationSettings settings;

    Mailer(
            ObjectProvider<JavaMailSender> sender,
            @Value("${spring.mail.host:}") String host,
            NotificationSettings settings) {
        this.sender = host.isBlank() ? Optional.empty() : Optional.ofNullable(sender.getIfAvailable());
        this.settings = settings;
    }

    /** Whether mails are sent at all: without {@code spring.mail.host} they are only recorded. */
    public boolean configured() {
        return sender.isPresent();
    }

    /**
     * Sends a mail that is no process's notification, with a plain-text and an HTML part, under the
     * {@code Message-ID} of {@code identity} (parts separated by {@code :}, e.g. {@code
     * weekly-summary:2026-11-23}): the same on every attempt, so that a repeat is recognised.
     */
    public void send(String identity, List<String> to, String subject, String text, String html) {
        send(
                MessageIds.of(identity, settings.getMessageIdDomain()),
                to,
                subject,
                new MailTemplates.Rendered(html, text),
                List.of());
    }

    /**
     * Sends one mail with a plain-text and an HTML part under the given {@code Message-ID}; throws
     * when the server does not accept it, or when its answer is lost.
     */
    void send(
            String messageId,
            List<String> to,
            String subject,
            MailTemplates.Rendered body,
            List<MailSource.Attachment> attachments) {
        JavaMailSender smtp = sender.orElseThrow();
        MimeMessage message = withMessageId(smtp, messageId);
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
            throw new MailPreparationException("Cannot build the mail '" + subject + "'", e);
        }
        smtp.send(message);
    }

    /**
     * A message that keeps its {@code Message-ID}: JavaMail writes a fresh random one each time a
     * message is saved ({@code MimeMessage.updateMessageID}, called before every send).
     */
    private static MimeMessage withMessageId(JavaMailSender smtp, String messageId) {
        return new MimeMessage(smtp.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    /**
     * Whether a failed send certainly left no mail at the server: the mail could not be built, the
     * server could not be reached or refused the login, or it answered with a refusal (a 4xx or 5xx
     * reply). Anything else (a connection lost or timed out in the middle of the exchange, above all
     * while waiting for the answer to the mail's end) leaves the outcome unknown: the server may
     * have taken it.
     */
    static boolean certainlyNotAccepted(RuntimeException failure) {
        if (failure instanceof MailPreparationException || failure instanceof MailAuthenticationException) {
            return true;
        }
        if (!(failure instanceof MailSendException send)) {
            return false;
        }
        List<Throwable> reasons = new ArrayList<>(send.getFailedMessages().values());
        if (send.getCause() != null) {
            reasons.add(send.getCause());
        }
        return !reasons.isEmpty() && reasons.stream().allMatch(Mailer::refusalOrNoConnection);
    }

    private static boolean refusalOrNoConnection(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof MailConnectException
                    || t instanceof ConnectException
                    || t instanceof UnknownHostException) {
                return true;
            }
            // A reply that refuses (4xx, 5xx). The connection lost before the reply is code -1 ("[EOF]").
            int reply = t instanceof SMTPSendFailedException send
                    ? send.getReturnCode()
                    : t instanceof SMTPAddressFailedException address
                            ? address.getReturnCode()
                            : t instanceof SMTPSenderFailedException sender ? sender.getReturnCode() : -1;
            if (reply >= 400 && reply < 600) {
                return true;
            }
        }
        return false;
    }
}
