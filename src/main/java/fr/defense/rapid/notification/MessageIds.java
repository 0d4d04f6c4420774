package fr.defense.rapid.notification;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Message-ID} of a notification's mail, derived from the notification's identity
 * (process instance, activity, occurrence): every attempt of one notification carries the same,
 * so that a mail sent again after a crash is recognised as a repeat by the servers and clients
 * that drop duplicates, and can be traced to its notification. RFC 5322 § 3.6.4:
 * {@code <dot-atom-text@domain>}.
 */
final class MessageIds {

    private MessageIds() {}

    /**
     * {@code <4f1c…-9e2a.NotifyAcknowledgment.1@defense.gouv.fr>}: the identity's parts joined by
     * dots; a character that is no letter, digit, {@code -} or {@code _} is written {@code =XX}
     * (its UTF-8 bytes), so that two identities never give one Message-ID.
     */
    static String of(String notificationId, String domain) {
        StringBuilder local = new StringBuilder();
        for (String part : notificationId.split(":", -1)) {
            if (part.isEmpty()) {
                throw new IllegalArgumentException("Notification identity with an empty part: " + notificationId);
            }
            if (!local.isEmpty()) {
                local.append('.');
            }
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 0x80 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                    local.append(c);
                } else {
                    local.append('=').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return "<" + local + "@" + domain + ">";
    }

    /** The domain of a mail address ({@code rapid@defense.gouv.fr} → {@code defense.gouv.fr}). */
    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).trim();
    }
}
