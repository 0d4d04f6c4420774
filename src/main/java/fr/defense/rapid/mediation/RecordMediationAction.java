package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.FrenchFormat.date;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RecordMediationAction}: one action of the mediator (date, counterpart contacted,
 * summary) joins the case file. The form's fields are then emptied, so that the next pass through
 * the task starts from a blank form instead of the previous action.
 */
@Component
class RecordMediationAction implements JavaDelegate {

    static final List<String> ACTION_FIELDS =
            List.of("mediationStep", "actionDate", "actionCounterpart", "actionSummary");

    private final MediationRepository cases;

    public RecordMediationAction(MediationRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MediationRepository.Action action = new MediationRepository.Action(
                ((Number) execution.getVariable("level")).intValue(),
                MediationRequest.date(execution.getVariable("actionDate")),
                (String) execution.getVariable("actionCounterpart"),
                (String) execution.getVariable("actionSummary"));
        String caseNumber = execution.getProcessBusinessKey();
        cases.addAction(caseNumber, action, currentUser(execution));
        cases.addEvent(
                caseNumber,
                "ACTION",
                "Action de médiation du " + date(action.actionDate()) + " auprès de " + action.counterpart() + ".");
        ACTION_FIELDS.forEach(field -> execution.setVariable(field, null));
    }

    static String currentUser(DelegateExecution execution) {
        return execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null
                ? null
                : execution
                        .getProcessEngineServices()
                        .getIdentityService()
                        .getCurrentAuthentication()
                        .getUserId();
    }
}
