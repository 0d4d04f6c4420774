package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.FrenchFormat.date;
import static fr.defense.rapid.system.FrenchFormat.euros;

import fr.defense.rapid.notification.MailSource;
import fr.defense.rapid.notification.NotificationSettings;
import fr.defense.rapid.notification.RapidNotification;
import fr.defense.rapid.notification.StaffAddresses;
import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.FrenchFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The mails of {@code mediation-escalation}: to the SME's contact, to the staff of the case's
 * level and the managers when a deadline passes, and to the national mediator with the case file.
 */
@Component
class MediationMails implements MailSource {

    static final String SIGNATURE = "Le service de médiation PME — Ministère des Armées";

    private final MediationRepository cases;
    private final StaffAddresses staff;
    private final NotificationSettings notificationSettings;
    private final MediationSettings settings;
    private final CaseFiles caseFiles;
    private final CaseFilePdf pdf;

    MediationMails(
            MediationRepository cases,
            StaffAddresses staff,
            NotificationSettings notificationSettings,
            MediationSettings settings,
            CaseFiles caseFiles,
            CaseFilePdf pdf) {
        this.cases = cases;
        this.staff = staff;
        this.notificationSettings = notificationSettings;
        this.settings = settings;
        this.caseFiles = caseFiles;
        this.pdf = pdf;
    }

    @Override
    public boolean serves(String businessKey) {
        return CaseReference.isMediation(businessKey);
    }

    @Override
    public PreparedMail prepare(RapidNotification notification, DelegateExecution execution) {
        MediationCase found = cases.find(execution.getProcessBusinessKey()).orElseThrow();
        Map<String, Object> model = model(found, execution);
        List<Attachment> attachments = List.of();
        if (notification == RapidNotification.MEDIATION_HANDOFF) {
            String name = found.caseNumber() + "-dossier-de-mediation.pdf";
            model.put("attachmentName", name);
            attachments =
                    List.of(new Attachment(name, "application/pdf", pdf.render(caseFiles.of(found.caseNumber(), (String)
                            execution.getVariable("failureReport")))));
        }
        return new PreparedMail(found.caseNumber(), recipients(notification, found), model, attachments);
    }

    private List<String> recipients(RapidNotification notification, MediationCase found) {
        return switch (notification.recipient()) {
            case APPLICANT -> List.of(found.request().contactEmail());
            case NATIONAL_MEDIATOR -> List.of(settings.nationalMediatorEmail());
            case CASE_HANDLERS ->
                staff.of(List.of(found.level() == 1 ? Groups.CORRESPONDENTS : Groups.MEDIATORS, Groups.MANAGERS));
            case MANAGERS -> staff.of(List.of(Groups.MANAGERS));
        };
    }

    private Map<String, Object> model(MediationCase found, DelegateExecution execution) {
        MediationRequest r = found.request();
        Map<String, Object> model = new HashMap<>();
        model.put("service", "Médiation PME — Ministère des Armées");
        model.put("signature", SIGNATURE);
        model.put("caseNumber", found.caseNumber());
        model.put("companyName", r.companyName());
        model.put("companySiren", r.companySiren());
        model.put("contactName", r.contactName());
        model.put("subjectLabel", r.subject().label());
        model.put("counterpartName", r.counterpartName());
        model.put("dossierNumber", r.dossierNumber());
        model.put("amountAtStakeEur", euros(r.amountAtStakeEur()));
        model.put("description", r.description());
        model.put("level", found.level());
        model.put("levelLabel", found.levelLabel());
        model.put("lateDays", found.lateDays());
        model.put("lateInterestEur", euros(found.lateInterestEur()));
        model.put(
                "lateInterestLines",
                found.lateInterestComputation() == null
                        ? List.of()
                        : Arrays.asList(found.lateInterestComputation().split("\n")));
        for (String due : List.of("answerDueDate", "firstContactDueDate", "mediationDueDate", "surveyDueDate")) {
            model.put(due, execution.getVariable(due) instanceof Date at ? date(at) : null);
        }
        for (String text : List.of(
                "mediatorName",
                "escalationReason",
                "failureReport",
                "notAdmissibleReason",
                "agreementMeasures",
                "withdrawalReason",
                "outcome",
                "outcomeLabel")) {
            model.put(text, execution.getVariable(text));
        }
        if (execution.getVariable("escalationReport") instanceof String report) {
            model.put("escalationReason", execution.getVariable("escalationReason") + " : " + report);
        }
        model.put(
                "agreementExecutionDate", date(MediationRequest.date(execution.getVariable("agreementExecutionDate"))));
        model.put("nationalMediatorEmail", settings.nationalMediatorEmail());
        // The commitments the texts state are the settings', never numbers written in the templates.
        model.put("answerWorkingDays", settings.answerWorkingDays());
        model.put(
                "levelTarget",
                FrenchFormat.period(found.level() == 2 ? settings.levelTwoTarget() : settings.levelOneTarget()));
        Deadline deadline = execution.getVariable("deadline") instanceof String name ? Deadline.valueOf(name) : null;
        if (deadline != null) {
            model.put("deadlineLabel", deadline.label(settings));
            model.put("dueDate", execution.getVariable(deadline.variable) instanceof Date at ? date(at) : null);
        }
        model.put(
                "link",
                notificationSettings.getPortalUrl()
                        + (deadline != null
                                ? "/camunda/app/tasklist/default/"
                                : "/portail/mediations/" + found.caseNumber()));
        return model;
    }

    /** The deadlines whose passing alerts the staff, named by the alerting activity's input {@code deadline}. */
    enum Deadline {
        ANSWER("Réponse sous %s jours ouvrés (engagement de service)", "answerDueDate"),
        FIRST_CONTACT("Premier contact avec l'entreprise sous %s", "firstContactDueDate"),
        MEDIATION_TARGET("Délai de médiation du niveau en cours", "mediationDueDate");

        private final String label;
        private final String variable;

        Deadline(String label, String variable) {
            this.label = label;
            this.variable = variable;
        }

        String label(MediationSettings settings) {
            return switch (this) {
                case ANSWER -> label.formatted(settings.answerWorkingDays());
                case FIRST_CONTACT -> label.formatted(FrenchFormat.period(settings.firstContact()));
                case MEDIATION_TARGET -> label;
            };
        }
    }
}
