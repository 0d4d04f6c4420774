package fr.defense.rapid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RecordQualification}: the correspondent's answer (admissible, naming the person in
 * charge, or not with a reason) is the service's answer within its 15-working-day commitment.
 * An admissible request starts the level-1 mediation and its target date.
 */
@Component
public class RecordQualification implements JavaDelegate {

    private final MediationRepository cases;
    private final MediationDeadlines deadlines;

    public RecordQualification(MediationRepository cases, MediationDeadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        boolean admissible = "ADMISSIBLE".equals(execution.getVariable("qualification"));
        execution.setVariable("admissible", admissible);
        cases.recordQualification(caseNumber, admissible);
        if (admissible) {
            deadlines.setMediationDueDate(execution, deadlines.levelDueDate(1));
            cases.addEvent(caseNumber, "ADMISSIBLE", "Demande recevable ; votre interlocuteur : "
                    + execution.getVariable("mediatorName") + ".");
        } else {
            cases.addEvent(caseNumber, "QUALIFIED_NOT_ADMISSIBLE", "Demande jugée non recevable : "
                    + execution.getVariable("notAdmissibleReason"));
        }
    }
}
