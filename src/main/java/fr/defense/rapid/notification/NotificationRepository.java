package fr.defense.rapid.notification;

import static fr.defense.rapid.system.EngineClock.now;

import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.procedure.Timeline;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code notification} table. Each write commits on its own, whatever becomes of the job that
 * sends: a mail accepted by the server stays marked SENT even if the job then fails and retries.
 */
@Repository
class NotificationRepository {

    record Notification(
            String id,
            String dossierNumber,
            String caseNumber,
            String template,
            String recipients,
            String subject,
            String bodyText,
            NotificationStatus status,
            int attempts,
            String lastError,
            OffsetDateTime createdAt,
            OffsetDateTime sentAt,
            String messageId,
            boolean sending,
            int possibleRepeats) {}

    static final int TEXT_LENGTH = 8000;

    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final TransactionTemplate ownTransaction;

    NotificationRepository(JdbcClient jdbc, Timeline timeline, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Optional<Notification> find(String id) {
        return jdbc.sql("select * from notification where id = :id")
                .param("id", id)
                .query(Notification.class)
                .optional();
    }

    /**
     * An attempt about to send: the Message-ID every attempt of the notification carries (its first
     * attempt's), and whether an earlier attempt ended without a recorded outcome (a node killed, a
     * connection lost while the server answered), so that this one may repeat it.
     */
    record Attempt(String messageId, boolean mayRepeat) {}

    private record Earlier(String messageId, boolean sending, int possibleRepeats) {}

    /**
     * Records an attempt before the mail goes out (the first one creates the notification) for a
     * dossier or a mediation case, and marks it under way until {@link #delivered} or {@link #failed}
     * records its outcome. The stored copy of the text is cut at its column ({@value #TEXT_LENGTH}
     * characters): a mail that quotes several texts of maximal length (the hand-off: description and
     * failure report) still goes out in full.
     */
    Attempt attempt(
            String id,
            String reference,
            String template,
            String recipients,
            String subject,
            String text,
            String messageId) {
        String stored = text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH - 1) + "…";
        return ownTransaction.execute(status -> {
            Optional<Earlier> earlier = jdbc.sql(
                            "select message_id, sending, possible_repeats from notification where id = :id for update")
                    .param("id", id)
                    .query(Earlier.class)
                    .optional();
            if (earlier.isEmpty()) {
                jdbc.sql("""
                        insert into notification (id, dossier_number, case_number, template, recipients, subject,
                          body_text, status, attempts, created_at, message_id, sending, possible_repeats)
                        values (:id, :dossier, :case, :template, :recipients, :subject, :text, :status, 1, :now,
                          :messageId, true, 0)
                        """)
                        .param("id", id)
                        .param("dossier", mediationCase(reference) ? null : reference)
                        .param("case", mediationCase(reference) ? reference : null)
                        .param("template", template)
                        .param("recipients", recipients)
                        .param("subject", subject)
                        .param("text", stored)
                        .param("status", NotificationStatus.PENDING.name())
                        .param("now", now())
                        .param("messageId", messageId)
                        .update();
                return new Attempt(messageId, false);
            }
            // A notification created before Message-IDs were kept (V15) takes this one from now on.
            String kept = earlier.get().messageId() == null
                    ? messageId
                    : earlier.get().messageId();
            // The previous attempt's outcome was never recorded: count it; once one was, every later send may repeat
            // it.
            int possibleRepeats =
                    earlier.get().possibleRepeats() + (earlier.get().sending() ? 1 : 0);
            jdbc.sql("""
                    update notification set attempts = attempts + 1, sending = true, message_id = :messageId,
                      possible_repeats = :possibleRepeats
                    where id = :id
                    """)
                    .param("messageId", kept)
                    .param("possibleRepeats", possibleRepeats)
                    .param("id", id)
                    .update();
            return new Attempt(kept, possibleRepeats > 0);
        });
    }

    /** Marks it delivered and writes it in the dossier's or case's timeline ({@code NOTIFICATION_<template>}). */
    void delivered(String id, NotificationStatus status, String reference, String template, String timelineText) {
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.sql("""
                    update notification set status = :status, sent_at = :now, last_error = null, sending = false
                    where id = :id
                    """)
                    .param("status", status.name())
                    .param("now", now())
                    .param("id", id)
                    .update();
            timeline.record(reference, "NOTIFICATION_" + template, timelineText);
        });
    }

    /**
     * Records a failed attempt. {@code certainlyNotAccepted}: the server refused the mail or was never
     * reached, and the attempt is over; otherwise its outcome stays unknown (still marked under way),
     * and the next attempt may repeat it.
     */
    void failed(String id, String error, boolean certainlyNotAccepted) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("""
                        update notification set last_error = :error, sending = :unknown where id = :id
                        """)
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("unknown", !certainlyNotAccepted)
                .param("id", id)
                .update());
    }

    List<Notification> recent(int limit) {
        return jdbc.sql("select * from notification order by created_at desc limit :limit")
                .param("limit", limit)
                .query(Notification.class)
                .list();
    }

    private static boolean mediationCase(String reference) {
        return CaseReference.isMediation(reference);
    }
}
