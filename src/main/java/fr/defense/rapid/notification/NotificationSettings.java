package fr.defense.rapid.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Mail settings ({@code rapid.mail.*}). Named {@code rapidMail} for the model, whose notification
 * steps retry on the cycle {@code ${rapidMail.retryCycle}} before becoming an incident.
 */
@Component("rapidMail")
public class NotificationSettings {

    private final String from;
    private final String portalUrl;
    private final String retryCycle;

    NotificationSettings(@Value("${rapid.mail.from}") String from, @Value("${rapid.mail.portal-url}") String portalUrl,
                         @Value("${rapid.mail.retry-cycle}") String retryCycle) {
        this.from = from;
        this.portalUrl = portalUrl.replaceAll("/+$", "");
        this.retryCycle = retryCycle;
    }

    public String getFrom() {
        return from;
    }

    public String getPortalUrl() {
        return portalUrl;
    }

    public String getRetryCycle() {
        return retryCycle;
    }
}
