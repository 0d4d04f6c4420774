package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.FrenchFormat.date;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a case up a level or closes it, and writes it in its timeline. Called from the model,
 * where the step is visible: {@code ${mediationStage.close(execution, 'AGREEMENT')}}.
 */
@Component
public class MediationStage {

    private final MediationRepository cases;
    private final MediationDeadlines deadlines;

    public MediationStage(MediationRepository cases, MediationDeadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    /**
     * The level failed ({@code FAILURE}, with the mediator's report) or ran out of time
     * ({@code DEADLINE}): the next level takes the case over, with its own deadline.
     */
    public void escalate(DelegateExecution execution, String cause) {
        int from = ((Number) execution.getVariable("level")).intValue();
        int to = from + 1;
        boolean failed = "FAILURE".equals(cause);
        String reason = failed
                ? "échec de la médiation de niveau " + from
                : "délai de médiation du niveau " + from + " dépassé (échéance du "
                        + date((Date) execution.getVariable("mediationDueDate")) + ")";
        String report = failed ? (String) execution.getVariable("failureReport") : null;
        execution.setVariable("level", to);
        // The report apart: an engine string variable holds 4000 characters, as much as the report alone.
        execution.setVariable("escalationReason", reason);
        execution.setVariable("escalationReport", report);
        if (report != null) {
            reason = reason + " : " + report;
        }
        execution.setVariable("renewed", false);
        execution.setVariable("mediationStep", null);
        if (to < 3) {
            deadlines.setMediationDueDate(execution, deadlines.levelDueDate(to));
            // The next level starts from a blank form; this report stays in the timeline.
            execution.setVariable("failureReport", null);
        }
        cases.changeLevel(execution.getProcessBusinessKey(), to);
        cases.addEvent(
                execution.getProcessBusinessKey(),
                "ESCALATED_TO_LEVEL_" + to,
                sentence("Transmis au " + MediationCase.levelLabel(to) + " (niveau " + to + ") : " + reason));
    }

    /** The case ends with this outcome; the SME is then asked to rate the service. */
    public void close(DelegateExecution execution, String outcome) {
        MediationOutcome closing = MediationOutcome.valueOf(outcome);
        String caseNumber = execution.getProcessBusinessKey();
        execution.setVariable("outcome", closing.name());
        execution.setVariable("outcomeLabel", closing.label());
        execution.setVariable("surveyDueDate", deadlines.surveyDueDate());
        cases.close(caseNumber, closing);
        cases.addEvent(caseNumber, closing.name(), closing.label() + details(closing, execution));
    }

    public void surveyUnanswered(DelegateExecution execution) {
        cases.addEvent(
                execution.getProcessBusinessKey(), "SURVEY_EXPIRED", "Enquête de satisfaction close sans réponse.");
    }

    /** Ends with a full stop, unless the mediator's own words already do (no "échanges.."). */
    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.matches("(?s).*[.!?…]") ? trimmed : trimmed + ".";
    }

    private static String details(MediationOutcome outcome, DelegateExecution execution) {
        return switch (outcome) {
            case AGREEMENT ->
                " : " + execution.getVariable("agreementMeasures") + " (exécution au plus tard le "
                        + date(MediationRequest.date(execution.getVariable("agreementExecutionDate"))) + ").";
            case NOT_ADMISSIBLE -> " : " + execution.getVariable("notAdmissibleReason");
            case WITHDRAWN -> " par l'entreprise : " + execution.getVariable("withdrawalReason");
            case ESCALATED_EXTERNAL -> " : le dossier lui a été adressé.";
            case FAILURE -> ".";
        };
    }
}
