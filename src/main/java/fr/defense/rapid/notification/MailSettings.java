package fr.defense.rapid.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Mail settings ({@code rapid.mail.*}), checked at start-up.
 *
 * @param from            the sender of every mail
 * @param portalUrl       the address the mails link to (the portal, Tasklist, Cockpit)
 * @param retryCycle      how a failed send is retried before it becomes an incident (Camunda's
 *                        {@code R<n>/<ISO-8601 duration>})
 * @param messageIdDomain the right-hand side of the mails' {@code Message-ID}s; blank: the domain
 *                        of {@code from}
 */
@ConfigurationProperties("rapid.mail")
@Validated
record MailSettings(
        @NotBlank @Email String from,
        @NotNull URI portalUrl,

        @NotBlank @Pattern(regexp = "R\\d+/P\\S+", message = "must read R<retries>/<ISO-8601 duration>, e.g. R5/PT5M")
        String retryCycle,

        @Pattern(
                regexp = "|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*",
                message = "must be a domain name, e.g. rapid.defense.gouv.fr")
        String messageIdDomain) {}
