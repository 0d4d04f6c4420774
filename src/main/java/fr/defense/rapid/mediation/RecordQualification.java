package fr.defense.rapid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RecordQualification}: the correspondent's answer (admissible, naming the person in
 * charge, or not with a reason) is the service's answer within its 15-working-day commitment.
 */
@Component
class RecordQualification implements JavaDelegate {

    private final MediationRepository cases;

    public RecordQualification(MediationRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        boolean admissible = "ADMISSIBLE".equals(execution.getVariable("qualification"));
        execution.setVariable("admissible", admissible);
        cases.recordQualification(caseNumber, admissible);
        if (admissible) {
            cases.addEvent(
                    caseNumber,
                    "ADMISSIBLE",
                    "Demande recevable ; votre interlocuteur : " + execution.getVariable("mediatorName") + ".");
        } else {
            cases.addEvent(
                    caseNumber,
                    "QUALIFIED_NOT_ADMISSIBLE",
                    "Demande jugée non recevable : " + execution.getVariable("notAdmissibleReason"));
        }
    }
}
