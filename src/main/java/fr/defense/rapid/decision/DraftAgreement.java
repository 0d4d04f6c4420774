package fr.defense.rapid.decision;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.RapidDeadlines;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code DraftAgreement}: the grant agreement is put to the SME, with its acceptance deadline. */
@Component
public class DraftAgreement implements JavaDelegate {

    private final RapidDeadlines deadlines;
    private final DossierRepository dossiers;

    public DraftAgreement(RapidDeadlines deadlines, DossierRepository dossiers) {
        this.deadlines = deadlines;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("agreementDueDate", deadlines.agreementDueDate());
        dossiers.addEvent(
                execution.getProcessBusinessKey(),
                "AGREEMENT_DRAFTED",
                "Convention d'aide de " + execution.getVariable("grantedAidEur") + " € proposée au déposant");
    }
}
