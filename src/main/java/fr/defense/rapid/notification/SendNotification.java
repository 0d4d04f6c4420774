package fr.defense.rapid.notification;

import fr.defense.rapid.dossier.DossierRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Serves every {@code Notify*} activity of the models; the activity names its notification in
 * the input parameter {@code notification}. It records the notification in the dossier's
 * timeline. Mail delivery (templates, SMTP, retries) is the notification issue's: until then,
 * nothing here may fail the flow.
 */
@Component
public class SendNotification implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendNotification.class);

    private final DossierRepository dossiers;

    public SendNotification(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RapidNotification notification = RapidNotification.valueOf((String) execution.getVariable("notification"));
        String number = execution.getProcessBusinessKey();
        String recipient = notification.recipient() == RapidNotification.Recipient.MANAGERS
                ? "les gestionnaires (groupe managers)"
                : String.valueOf(execution.getVariable("contactEmail"));
        String subject = "[" + number + "] " + notification.subject();
        dossiers.addEvent(number, "NOTIFICATION_" + notification.name(),
                "Notification « " + subject + " » destinée à " + recipient);
        log.info("Notification {} for dossier {} to {}", notification, number, recipient);
    }
}
