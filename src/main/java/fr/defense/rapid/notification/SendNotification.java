package fr.defense.rapid.notification;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves every {@code Notify*} activity of the models (which names its notification in the input
 * parameter {@code notification}). The activity is asynchronous on both sides: the mail goes out
 * only once the step that asked for it has committed, in a job of its own that retries with
 * back-off and becomes an incident in Cockpit when the retries run out.
 * <p>
 * Each notification has an identity (process instance, activity, occurrence) that is the same at
 * every retry: once the server has accepted it, it is marked SENT in its own transaction, and a
 * retry finds it sent and sends nothing.
 * <p>
 * SMTP cannot say whether a mail was accepted when the answer is lost: a node killed after the
 * server's acceptance and before that record, or a connection lost while waiting for the answer,
 * makes the job run again and send again. Such a repeat is made harmless and visible: every attempt
 * carries the notification's own {@code Message-ID} (servers and mail clients drop copies), each
 * attempt is recorded before it sends, an attempt that ended without a recorded outcome is counted
 * in the notification, and the send that follows says in the timeline that it may be a repeat. An
 * attempt after a refusal (the server answered no, or could not be reached) is no repeat.
 */
@Component
class SendNotification implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendNotification.class);

    private final List<MailSource> sources;
    private final NotificationRepository notifications;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final HistoryService history;
    private final NotificationSettings settings;

    public SendNotification(
            List<MailSource> sources,
            NotificationRepository notifications,
            MailTemplates templates,
            Mailer mailer,
            HistoryService history,
            NotificationSettings settings) {
        this.sources = sources;
        this.notifications = notifications;
        this.templates = templates;
        this.mailer = mailer;
        this.history = history;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RapidNotification notification = RapidNotification.valueOf((String) execution.getVariable("notification"));
        String id = identity(execution);
        if (notifications
                .find(id)
                .filter(n -> n.status() != NotificationStatus.PENDING)
                .isPresent()) {
            log.info("Notification {} already delivered: not sent again", id);
            return;
        }
        String businessKey = execution.getProcessBusinessKey();
        MailSource.PreparedMail mail = sources.stream()
                .filter(source -> source.serves(businessKey))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No mail source for " + businessKey))
                .prepare(notification, execution);
        String reference = mail.reference();
        String recipients = String.join(", ", mail.to());
        String subject = "[" + reference + "] " + notification.subject();
        MailTemplates.Rendered body = templates.render(notification, mail.model());
        NotificationRepository.Attempt attempt = notifications.attempt(
                id,
                reference,
                notification.name(),
                recipients,
                subject,
                body.text(),
                MessageIds.of(id, settings.getMessageIdDomain()));

        if (!mailer.configured()) {
            notifications.delivered(
                    id,
                    NotificationStatus.RECORDED,
                    reference,
                    notification.name(),
                    "Courriel « " + subject + " » préparé pour " + recipients + " (aucun serveur SMTP configuré)");
            return;
        }
        if (attempt.mayRepeat()) {
            log.warn(
                    "Notification {} sent again after an attempt whose outcome is unknown: the recipients may"
                            + " receive it twice, under the same Message-ID {}",
                    id,
                    attempt.messageId());
        }
        try {
            mailer.send(attempt.messageId(), mail.to(), subject, body, mail.attachments());
        } catch (RuntimeException refused) {
            notifications.failed(id, String.valueOf(refused.getMessage()), Mailer.certainlyNotAccepted(refused));
            throw refused;
        }
        notifications.delivered(
                id,
                NotificationStatus.SENT,
                reference,
                notification.name(),
                attempt.mayRepeat()
                        ? "Nouvel envoi du courriel « " + subject + " » à " + recipients
                                + " : un envoi précédent a pu aboutir (même identifiant de message)"
                        : "Courriel « " + subject + " » envoyé à " + recipients);
    }

    /** The same at every retry of the job; a second pass through the activity is a new one. */
    private String identity(DelegateExecution execution) {
        long earlier = history.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .finished()
                .count();
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + (earlier + 1);
    }
}
