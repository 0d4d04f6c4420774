package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.FrenchFormat.date;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RecordRenewalResponse}: the SME's answer to the proposed renewal. Accepted (the
 * counterpart agreed when the mediator proposed it), the level's target moves once by the renewal
 * period; declined, the mediation goes on towards the current target.
 */
@Component
class RecordRenewalResponse implements JavaDelegate {

    private final MediationRepository cases;
    private final MediationDeadlines deadlines;

    public RecordRenewalResponse(MediationRepository cases, MediationDeadlines deadlines) {
        this.cases = cases;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        // A later proposal (after a refusal) starts from a blank form.
        for (String field : List.of("mediationStep", "renewalReason", "counterpartAgreesToRenewal")) {
            execution.setVariable(field, null);
        }
        if ("ACCEPTED".equals(execution.getVariable("renewalResponse"))) {
            Date renewed = deadlines.renewedDueDate((Date) execution.getVariable("mediationDueDate"));
            deadlines.setMediationDueDate(execution, renewed);
            execution.setVariable("renewed", true);
            cases.addEvent(
                    caseNumber,
                    "RENEWED",
                    "Médiation prolongée avec l'accord des parties, jusqu'au " + date(renewed) + ".");
        } else {
            cases.addEvent(
                    caseNumber,
                    "RENEWAL_DECLINED",
                    "Prolongation refusée par l'entreprise : la médiation " + "se poursuit jusqu'au "
                            + date((Date) execution.getVariable("mediationDueDate")) + ".");
        }
    }
}
