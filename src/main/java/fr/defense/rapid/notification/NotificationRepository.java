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
            OffsetDateTime sentAt) {}

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
     * Records an attempt (the first one creates the notification) for a dossier or a mediation case.
     * The stored copy of the text is cut at its column ({@value #TEXT_LENGTH} characters): a mail that
     * quotes several texts of maximal length (the hand-off: description and failure report) still goes out in full.
     */
    void attempt(String id, String reference, String template, String recipients, String subject, String text) {
        String stored = text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH - 1) + "…";
        ownTransaction.executeWithoutResult(status -> {
            int updated = jdbc.sql("update notification set attempts = attempts + 1 where id = :id")
                    .param("id", id)
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into notification (id, dossier_number, case_number, template, recipients, subject,
                          body_text, status, attempts, created_at)
                        values (:id, :dossier, :case, :template, :recipients, :subject, :text, :status, 1, :now)
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
                        .update();
            }
        });
    }

    /** Marks it delivered and writes it in the dossier's or case's timeline ({@code NOTIFICATION_<template>}). */
    void delivered(String id, NotificationStatus status, String reference, String template, String timelineText) {
        ownTransaction.executeWithoutResult(tx -> {
            jdbc.sql("update notification set status = :status, sent_at = :now, last_error = null where id = :id")
                    .param("status", status.name())
                    .param("now", now())
                    .param("id", id)
                    .update();
            timeline.record(reference, "NOTIFICATION_" + template, timelineText);
        });
    }

    void failed(String id, String error) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("update notification set last_error = :error where id = :id")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
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
