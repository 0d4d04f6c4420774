package fr.defense.rapid.decision;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.dossier.RapidDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code RecordDecision}: the committee's decision becomes part of the dossier. */
@Component
public class RecordDecision implements JavaDelegate {

    private final DossierRepository dossiers;
    private final RapidDeadlines deadlines;

    public RecordDecision(DossierRepository dossiers, RapidDeadlines deadlines) {
        this.dossiers = dossiers;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        boolean approved = "APPROVED".equals(execution.getVariable("decision"));
        Long granted = approved ? ((Number) execution.getVariable("grantedAidEur")).longValue() : null;
        String motivation = (String) execution.getVariable("decisionMotivation");
        // A rejected dossier is granted nothing, whatever a client may have sent with it.
        execution.setVariable("grantedAidEur", granted);
        dossiers.recordDecision(number, approved ? "APPROVED" : "REJECTED", granted, motivation);
        dossiers.changeStatus(number, approved ? DossierStatus.APPROVED : DossierStatus.REJECTED);
        if (!approved) {
            // The rejection letter gives this date; until then the SME may contest in mediation.
            execution.setVariable("contestDueDate", deadlines.contestDueDate());
        }
    }
}
