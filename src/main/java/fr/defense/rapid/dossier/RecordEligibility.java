package fr.defense.rapid.dossier;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RecordEligibility}: turns the rows that {@code rapid-eligibility} matched into the
 * {@code eligible} flag and the reasons, kept on the dossier. The rules themselves are the DMN
 * table's: each failing rule contributes a reason, the last rule matches when none fails.
 */
@Component
class RecordEligibility implements JavaDelegate {

    static final String RESULTS = "eligibilityResults";

    private final DossierRepository dossiers;

    public RecordEligibility(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) execution.getVariable(RESULTS);
        boolean eligible = !rows.isEmpty() && rows.stream().allMatch(row -> Boolean.TRUE.equals(row.get("eligible")));
        String reasons = rows.stream()
                .map(row -> (String) row.get("ineligibilityReason"))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
        String category = (String) execution.getVariable("companyCategory");
        dossiers.recordEligibility(execution.getProcessBusinessKey(), category, eligible, eligible ? null : reasons);
        execution.setVariable("eligible", eligible);
        execution.setVariable("ineligibilityReasons", eligible ? null : reasons);
        execution.removeVariable(RESULTS);
    }
}
