package fr.defense.rapid.decision;

import fr.defense.rapid.dossier.DossierRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code ComputeProposedAid}: proposed aid = min(requested aid, rate × total eligible cost),
 * rounded down to the euro (docs/procedures.md §2). The rate comes from the {@code rapid-funding-rate} table.
 */
@Component
public class ComputeProposedAid implements JavaDelegate {

    private final DossierRepository dossiers;

    public ComputeProposedAid(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Number fundingRate = (Number) execution.getVariable("fundingRate");
        if (fundingRate == null) {
            // Fails the job visibly (incident) rather than proposing an amount without a rule.
            throw new ProcessEngineException("No row of rapid-funding-rate applies to dossier "
                    + execution.getProcessBusinessKey() + " (category " + execution.getVariable("companyCategory")
                    + ", " + execution.getVariable("researchType") + ", collaboration "
                    + execution.getVariable("collaboration") + ")");
        }
        BigDecimal rate = BigDecimal.valueOf(fundingRate.doubleValue()).setScale(2, RoundingMode.HALF_UP);
        long totalCost = ((Number) execution.getVariable("totalCostEur")).longValue();
        long requested = ((Number) execution.getVariable("requestedAidEur")).longValue();
        long proposed = proposedAid(rate, totalCost, requested);
        dossiers.recordProposal(execution.getProcessBusinessKey(), rate, proposed);
        execution.setVariable("proposedAidEur", proposed);
    }

    static long proposedAid(BigDecimal rate, long totalCostEur, long requestedAidEur) {
        return Math.min(requestedAidEur, byRate(rate, totalCostEur));
    }

    /** The aid the rate alone gives: rate × total eligible cost, rounded down to the euro. */
    public static long byRate(BigDecimal rate, long totalCostEur) {
        return rate.multiply(BigDecimal.valueOf(totalCostEur))
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
