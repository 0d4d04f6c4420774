package fr.defense.rapid.dossier;

import fr.defense.rapid.system.FrenchFormat;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RequestComplements}: fixes the deadline for the SME's complements (and the reminder
 * date) when they are asked for, so that a later change of configuration does not move a
 * deadline already announced.
 */
@Component
class RequestComplements implements JavaDelegate {

    private final RapidDeadlines deadlines;
    private final DossierRepository dossiers;

    public RequestComplements(RapidDeadlines deadlines, DossierRepository dossiers) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date due = deadlines.complementsDueDate();
        execution.setVariable("complementsDueDate", due);
        execution.setVariable("complementsReminderDate", deadlines.complementsReminderDate());
        String number = execution.getProcessBusinessKey();
        dossiers.changeStatus(number, DossierStatus.AWAITING_COMPLEMENTS);
        dossiers.addEvent(
                number,
                "COMPLEMENTS_REQUESTED",
                "Pièces ou informations à fournir avant le "
                        + FrenchFormat.date(due) + " : "
                        + execution.getVariable("missingItems"));
        // Forms load variables by field key: without this, the next completeness check would open
        // with "incomplete" already chosen, and one click would ask for the same complements again.
        execution.removeVariable("completenessOutcome");
    }
}
