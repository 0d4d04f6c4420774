package fr.defense.rapid.notification;

import org.springframework.stereotype.Component;

/**
 * The mail settings as the model and the mail builders read them. Named {@code rapidMail} for the
 * model, whose notification steps retry on the cycle {@code ${rapidMail.retryCycle}} (JUEL reads
 * getters, not a record's accessors) before becoming an incident.
 */
@Component("rapidMail")
public class NotificationSettings {

    private final MailSettings settings;

    NotificationSettings(MailSettings settings) {
        this.settings = settings;
    }

    public String getFrom() {
        return settings.from();
    }

    /** Without a trailing slash: links append their path. */
    public String getPortalUrl() {
        return settings.portalUrl().toString().replaceAll("/+$", "");
    }

    public String getRetryCycle() {
        return settings.retryCycle();
    }

    /** The right-hand side of the mails' {@code Message-ID}s: configured, else the sender's domain. */
    public String getMessageIdDomain() {
        String configured = settings.messageIdDomain();
        return configured == null || configured.isBlank() ? MessageIds.domainOf(settings.from()) : configured;
    }
}
