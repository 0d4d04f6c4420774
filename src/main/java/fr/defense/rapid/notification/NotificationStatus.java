package fr.defense.rapid.notification;

/** Where a notification stands. */
enum NotificationStatus {
    /** Being sent, or its last attempt failed (see attempts and last error). */
    PENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** No SMTP server configured (embedded default): kept here, viewable, not sent. */
    RECORDED
}
