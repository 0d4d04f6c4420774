package fr.defense.rapid.decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why the machine decided, for one dossier (CRPA art. L311-3-1 and R311-3-1-2): each automatic step
 * as the engine recorded it (DMN history), with the rules of the table version that was applied,
 * in plain French. Texts are ready to show; raw values come beside them.
 *
 * @param category the company category found, null until the category is determined
 * @param eligibilityRules each eligibility condition of {@code rapid-eligibility} with its verdict,
 *     empty until eligibility is checked
 * @param eligible null until eligibility is checked
 * @param eligibilitySummary one sentence on the verdict, null until eligibility is checked
 * @param funding the funding rate and the proposed aid, null until computed (never for an
 *     ineligible dossier)
 * @param statutoryMention the mention that a decision was taken on the basis of an algorithm
 */
public record DecisionExplanation(
        String dossierNumber,
        CategoryStep category,
        List<EligibilityRule> eligibilityRules,
        Boolean eligible,
        String eligibilitySummary,
        FundingStep funding,
        String statutoryMention) {

    /**
     * A value a rule used: the decision table's input, labelled as in the table, with the value the
     * engine recorded for this dossier.
     *
     * @param inputId the DMN input's id
     * @param label the DMN input's label (« Effectif (consolidé) »)
     * @param value the value as recorded in history
     * @param text the value as the SME reads it (« 1 200 000 € », « oui », « Petite entreprise »)
     */
    public record UsedValue(String inputId, String label, Object value, String text) {}

    /**
     * {@code rapid-company-category}: the figures used and the category found.
     *
     * @param category SMALL, MEDIUM, ETI or LARGE
     * @param categoryLabel « Petite entreprise »…
     * @param rule the description of the rule that matched
     */
    public record CategoryStep(
            List<UsedValue> inputs, String category, String categoryLabel, String ruleId, String rule) {}

    /**
     * One eligibility condition of {@code rapid-eligibility}: respected unless its ineligibility rule
     * matched, in which case the reason is given.
     *
     * @param rule the condition, as the table describes the rule
     * @param verdict « respectée » or « non respectée »
     * @param reason the reason the table gives when the condition is not met, else null
     * @param values the inputs this rule tests, with this dossier's values
     */
    public record EligibilityRule(
            String ruleId, String rule, boolean respected, String verdict, String reason, List<UsedValue> values) {}

    /**
     * A part of the funding rate: a required decision of {@code rapid-funding-rate}.
     *
     * @param name the decision's name (« Taux de base selon le type de travaux »)
     * @param rule the description of the rule that matched
     * @param rate the part as a share (0.5), null if no rule matched
     * @param rateText « 50 % »
     * @param inputs what this part depends on, with this dossier's values
     */
    public record RatePart(
            String decisionKey,
            String name,
            String ruleId,
            String rule,
            BigDecimal rate,
            String rateText,
            List<UsedValue> inputs) {}

    /**
     * {@code rapid-funding-rate} and {@code ComputeProposedAid}.
     *
     * @param detailed whether the history holds the parts of the rate; false for dossiers examined
     *     with the earlier, flat table, which gave the rate directly
     * @param parts base rate, size bonus, collaboration bonus (empty when not detailed)
     * @param partsSum the sum of the parts, null when not detailed
     * @param capped whether the cap lowered the rate (null when not detailed)
     * @param rateRule the description of the rule of {@code rapid-funding-rate} that matched
     * @param rate the rate retained (0.8)
     * @param inputs the dossier's values the rate depends on
     * @param rateComputation « 50 % + 20 % + 15 % = 85 %. La somme des parts dépasse… »
     * @param aidByRateEur rate × total cost, rounded down to the euro
     * @param proposedAidEur null until computed
     * @param proposedAidComputation the computation in words, with this dossier's figures
     * @param note what the explanation cannot show, or null
     */
    public record FundingStep(
            boolean detailed,
            List<RatePart> parts,
            BigDecimal partsSum,
            String partsSumText,
            Boolean capped,
            String rateRuleId,
            String rateRule,
            BigDecimal rate,
            String rateText,
            List<UsedValue> inputs,
            String rateComputation,
            long totalCostEur,
            long requestedAidEur,
            Long aidByRateEur,
            Long proposedAidEur,
            String proposedAidText,
            String proposedAidComputation,
            String note) {}
}
