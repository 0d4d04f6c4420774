package fr.defense.rapid.dossier;

import fr.defense.rapid.procedure.CaseNumbers;
import fr.defense.rapid.procedure.Procedure;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RegisterDossier}: numbers the submitted dossier, stores it in our {@code dossier} table
 * and makes the number the process instance's business key. Runs in the start transaction, so
 * a refused or failed submission leaves neither a dossier nor an instance behind.
 */
@Component
class RegisterDossier implements JavaDelegate {

    /** Set by the start event ({@code camunda:initiator}) to the authenticated user. */
    static final String APPLICANT = "applicant";
    /** Long free text that no step of the flow reads: it lives in the dossier table only. */
    private static final String PROJECT_SUMMARY = "projectSummary";

    private final CaseNumbers numbers;
    private final DossierRepository dossiers;

    public RegisterDossier(CaseNumbers numbers, DossierRepository dossiers) {
        this.numbers = numbers;
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = (String) execution.getVariable(APPLICANT);
        if (owner == null || owner.isBlank()) {
            throw new BadUserRequestException(
                    "Un dossier RAPID ne peut être déposé que par un utilisateur authentifié.");
        }
        String number = numbers.next(Procedure.RAPID);
        dossiers.insert(
                number,
                owner,
                execution.getProcessInstanceId(),
                DossierSubmission.fromVariables(execution.getVariables()));
        execution.setProcessBusinessKey(number);
        execution.setVariable("dossierNumber", number);
        // The funding-rate table needs a boolean: an unticked or absent box is false.
        execution.setVariable("collaboration", Boolean.TRUE.equals(execution.getVariable("collaboration")));
        // Read by the gateway after instruction; stays null for dossiers closed before a decision.
        execution.setVariable("decision", null);
        execution.removeVariable(PROJECT_SUMMARY);
    }
}
