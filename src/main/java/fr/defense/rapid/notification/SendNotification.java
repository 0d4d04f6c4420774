package fr.defense.rapid.notification;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.security.Groups;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
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
 */
@Component
public class SendNotification implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendNotification.class);
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final DossierRepository dossiers;
    private final NotificationRepository notifications;
    private final MailTemplates templates;
    private final Mailer mailer;
    private final NotificationSettings settings;
    private final HistoryService history;
    private final IdentityService identity;

    public SendNotification(DossierRepository dossiers, NotificationRepository notifications, MailTemplates templates,
                            Mailer mailer, NotificationSettings settings, HistoryService history,
                            IdentityService identity) {
        this.dossiers = dossiers;
        this.notifications = notifications;
        this.templates = templates;
        this.mailer = mailer;
        this.settings = settings;
        this.history = history;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RapidNotification notification = RapidNotification.valueOf((String) execution.getVariable("notification"));
        String id = identity(execution);
        if (notifications.find(id).filter(n -> n.status() != NotificationStatus.PENDING).isPresent()) {
            log.info("Notification {} already delivered: not sent again", id);
            return;
        }
        Dossier dossier = dossiers.find(execution.getProcessBusinessKey()).orElseThrow();
        List<String> to = recipients(notification, dossier);
        String subject = "[" + dossier.dossierNumber() + "] " + notification.subject();
        MailTemplates.Rendered body = templates.render(notification, model(notification, dossier, execution));
        notifications.attempt(id, dossier.dossierNumber(), notification.name(), String.join(", ", to), subject, body.text());

        if (!mailer.configured()) {
            notifications.delivered(id, NotificationStatus.RECORDED, dossier.dossierNumber(), notification.name(),
                    "Courriel « " + subject + " » préparé pour " + String.join(", ", to) + " (aucun serveur SMTP configuré)");
            return;
        }
        try {
            mailer.send(to, subject, body);
        } catch (RuntimeException refused) {
            notifications.failed(id, String.valueOf(refused.getMessage()));
            throw refused;
        }
        notifications.delivered(id, NotificationStatus.SENT, dossier.dossierNumber(), notification.name(),
                "Courriel « " + subject + " » envoyé à " + String.join(", ", to));
    }

    /** The same at every retry of the job; a second pass through the activity is a new one. */
    private String identity(DelegateExecution execution) {
        long earlier = history.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .finished().count();
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + (earlier + 1);
    }

    private List<String> recipients(RapidNotification notification, Dossier dossier) {
        if (notification.recipient() == RapidNotification.Recipient.MANAGERS) {
            return identity.createUserQuery().memberOfGroup(Groups.MANAGERS).list().stream()
                    .map(User::getEmail).filter(Objects::nonNull).toList();
        }
        return List.of(dossier.submission().contactEmail());
    }

    private Map<String, Object> model(RapidNotification notification, Dossier dossier, DelegateExecution execution) {
        Map<String, Object> model = new HashMap<>();
        model.put("dossierNumber", dossier.dossierNumber());
        model.put("companyName", dossier.submission().companyName());
        model.put("contactName", dossier.submission().contactName());
        model.put("projectTitle", dossier.submission().projectTitle());
        model.put("requestedAidEur", euros(dossier.submission().requestedAidEur()));
        model.put("proposedAidEur", euros(dossier.proposedAidEur()));
        model.put("grantedAidEur", euros(dossier.grantedAidEur()));
        model.put("reasons", dossier.ineligibilityReasons() == null ? List.of()
                : Arrays.asList(dossier.ineligibilityReasons().split("\n")));
        model.put("missingItems", execution.getVariable("missingItems"));
        model.put("decisionMotivation", dossier.decisionMotivation());
        Object deadline = notification == RapidNotification.APPROVAL
                ? execution.getVariable("agreementDueDate") : execution.getVariable("complementsDueDate");
        model.put("deadline", deadline instanceof Date date
                ? FRENCH_DATE.format(date.toInstant().atZone(java.time.ZoneId.of("Europe/Paris"))) : null);
        model.put("link", notification.recipient() == RapidNotification.Recipient.MANAGERS
                ? settings.getPortalUrl() + "/camunda/app/cockpit/default/"
                : settings.getPortalUrl() + "/api/dossiers/" + dossier.dossierNumber());
        return model;
    }

    private static String euros(Long amount) {
        // French grouping, with plain spaces: some mail clients show the narrow no-break space badly.
        return amount == null ? null
                : NumberFormat.getIntegerInstance(Locale.FRANCE).format(amount).replaceAll("\\h", " ") + " €";
    }
}
