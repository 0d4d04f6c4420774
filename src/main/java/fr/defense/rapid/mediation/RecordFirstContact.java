package fr.defense.rapid.mediation;

import fr.defense.rapid.system.FrenchFormat;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code RecordFirstContact}: the first contact with the SME is the case's first mediation action. */
@Component
class RecordFirstContact implements JavaDelegate {

    private final MediationRepository cases;

    public RecordFirstContact(MediationRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        MediationRepository.Action contact = new MediationRepository.Action(
                1,
                MediationRequest.date(execution.getVariable("firstContactDate")),
                "L'entreprise (premier contact)",
                (String) execution.getVariable("firstContactSummary"));
        cases.addAction(execution.getProcessBusinessKey(), contact, RecordMediationAction.currentUser(execution));
        cases.addEvent(
                execution.getProcessBusinessKey(),
                "FIRST_CONTACT",
                "Premier contact avec l'entreprise le " + FrenchFormat.date(contact.actionDate()) + ".");
    }
}
