package fr.defense.rapid.notification;

import static fr.defense.rapid.system.FrenchFormat.date;
import static fr.defense.rapid.system.FrenchFormat.euros;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.RapidDeadlines;
import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.security.Groups;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The mails of {@code rapid-subsidy}: to the dossier's contact, or to the managers. */
@Component
class DossierMails implements MailSource {

    private final DossierRepository dossiers;
    private final StaffAddresses staff;
    private final NotificationSettings settings;
    private final RapidDeadlines deadlines;

    DossierMails(
            DossierRepository dossiers, StaffAddresses staff, NotificationSettings settings, RapidDeadlines deadlines) {
        this.dossiers = dossiers;
        this.staff = staff;
        this.settings = settings;
        this.deadlines = deadlines;
    }

    @Override
    public boolean serves(String businessKey) {
        return CaseReference.isRapid(businessKey);
    }

    @Override
    public PreparedMail prepare(RapidNotification notification, DelegateExecution execution) {
        Dossier dossier = dossiers.find(execution.getProcessBusinessKey()).orElseThrow();
        boolean toManagers = notification.recipient() == RapidNotification.Recipient.MANAGERS;
        List<String> to = toManagers
                ? staff.of(List.of(Groups.MANAGERS))
                : List.of(dossier.submission().contactEmail());
        return new PreparedMail(dossier.dossierNumber(), to, model(notification, dossier, execution), List.of());
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
        model.put(
                "reasons",
                dossier.ineligibilityReasons() == null
                        ? List.of()
                        : Arrays.asList(dossier.ineligibilityReasons().split("\n")));
        model.put("missingItems", execution.getVariable("missingItems"));
        model.put("decisionMotivation", dossier.decisionMotivation());
        Object deadline = switch (notification) {
            case APPROVAL -> execution.getVariable("agreementDueDate");
            case REJECTION -> execution.getVariable("contestDueDate");
            default -> execution.getVariable("complementsDueDate");
        };
        model.put("deadline", deadline instanceof Date due ? date(due) : null);
        // The delays the texts state are the settings', never numbers written in the templates.
        model.put("evaluationSla", deadlines.evaluationSlaInWords());
        model.put("contestPeriod", deadlines.contestPeriodInWords());
        model.put(
                "link",
                notification.recipient() == RapidNotification.Recipient.MANAGERS
                        ? settings.getPortalUrl() + "/camunda/app/cockpit/default/"
                        : settings.getPortalUrl() + "/portail/dossiers/" + dossier.dossierNumber());
        return model;
    }
}
