package fr.defense.rapid.mediation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** {@code RecordSatisfaction}: the SME's rating of the service, for the managers' dashboards. */
@Component
class RecordSatisfaction implements JavaDelegate {

    private final MediationRepository cases;

    public RecordSatisfaction(MediationRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int rating = ((Number) execution.getVariable("satisfactionRating")).intValue();
        cases.recordSatisfaction(
                execution.getProcessBusinessKey(), rating, (String) execution.getVariable("satisfactionComment"));
        cases.addEvent(execution.getProcessBusinessKey(), "RATED", "Service noté " + rating + "/5 par l'entreprise.");
    }
}
