package fr.defense.rapid.decision;

import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.percent;

import fr.defense.rapid.decision.DecisionExplanation.CategoryStep;
import fr.defense.rapid.decision.DecisionExplanation.EligibilityRule;
import fr.defense.rapid.decision.DecisionExplanation.FundingStep;
import fr.defense.rapid.decision.DecisionExplanation.RatePart;
import fr.defense.rapid.decision.DecisionExplanation.UsedValue;
import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierSubmission;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.system.FrenchFormat;
import fr.defense.rapid.system.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;

/**
 * Why the machine decided (CRPA art. L311-3-1, R311-3-1-2): for a dossier, what each automatic step
 * used and found, as the engine recorded it. Values and matched rules come from the DMN history of
 * the dossier's process instance; the rules themselves (descriptions, which inputs each tests, which
 * rules are ineligibility rules) from the very version of the decision model that was evaluated. No
 * rule is written again here: a rule changed in a table shows here as it is.
 *
 * <p>The engine is read as the engine (outside any user's authorizations): the caller shows a
 * dossier only to whom it belongs.
 */
@Component
public class DecisionExplanations {

    static final String CATEGORY = "rapid-company-category";
    static final String ELIGIBILITY = "rapid-eligibility";
    static final String FUNDING_RATE = "rapid-funding-rate";

    /** The output of rapid-eligibility that says whether a rule makes a dossier ineligible. */
    private static final String ELIGIBLE_OUTPUT = "eligible";

    private static final String SUBMISSION_FORM = "submit-dossier";

    private final DossierRepository dossiers;
    private final HistoryService history;
    private final RepositoryService repository;
    private final FormCatalog forms;
    private final DecisionExplanationSettings settings;

    DecisionExplanations(
            DossierRepository dossiers,
            HistoryService history,
            RepositoryService repository,
            FormCatalog forms,
            DecisionExplanationSettings settings) {
        this.dossiers = dossiers;
        this.history = history;
        this.repository = repository;
        this.forms = forms;
        this.settings = settings;
    }

    /** The explanation of a dossier's automatic steps so far; empty for an unknown number. */
    public Optional<DecisionExplanation> forDossier(String dossierNumber) {
        return dossiers.find(dossierNumber).map(this::explain);
    }

    private DecisionExplanation explain(Dossier dossier) {
        List<HistoricDecisionInstance> evaluated = history.createHistoricDecisionInstanceQuery()
                .processInstanceId(dossier.processInstanceId())
                .includeInputs()
                .includeOutputs()
                .list();
        Optional<HistoricDecisionInstance> category = latestRoot(evaluated, CATEGORY);
        Optional<HistoricDecisionInstance> eligibility = latestRoot(evaluated, ELIGIBILITY);
        List<EligibilityRule> rules = eligibility.map(this::eligibilityRules).orElse(List.of());
        Boolean eligible = dossier.eligible() != null
                ? dossier.eligible()
                : eligibility.isPresent() ? rules.stream().allMatch(EligibilityRule::respected) : null;
        return new DecisionExplanation(
                dossier.dossierNumber(),
                category.map(this::categoryStep).orElse(null),
                rules,
                eligible,
                eligible == null ? null : eligibilitySummary(eligible, rules),
                Boolean.FALSE.equals(eligible)
                        ? null
                        : latestRoot(evaluated, FUNDING_RATE)
                                .map(rate -> fundingStep(rate, evaluated, dossier))
                                .orElse(null),
                Messages.get("explanation.statutoryMention", settings.contact()));
    }

    // --- rapid-company-category ---------------------------------------------------------------------

    private CategoryStep categoryStep(HistoricDecisionInstance instance) {
        DecisionTable table = table(instance);
        HistoricDecisionOutputInstance output = firstOutput(instance);
        String category = output == null ? null : (String) output.getValue();
        return new CategoryStep(
                usedValues(table, instance, table.getInputs()),
                category,
                category == null ? Messages.get("explanation.noRule") : categoryLabel(category),
                output == null ? null : output.getRuleId(),
                output == null ? null : ruleDescription(table, output.getRuleId()));
    }

    // --- rapid-eligibility -------------------------------------------------------------------------------

    /**
     * Each ineligibility rule of the table (a rule whose {@code eligible} output is false), respected
     * unless it matched. The table's last rule, which matches when none of the others does, is the
     * verdict, not a condition.
     */
    private List<EligibilityRule> eligibilityRules(HistoricDecisionInstance instance) {
        DecisionTable table = table(instance);
        List<Input> inputs = List.copyOf(table.getInputs());
        int eligibleColumn = outputColumn(table, ELIGIBLE_OUTPUT);
        Map<String, List<HistoricDecisionOutputInstance>> matched = instance.getOutputs().stream()
                .filter(output -> output.getRuleId() != null)
                .collect(Collectors.groupingBy(HistoricDecisionOutputInstance::getRuleId));
        List<EligibilityRule> rules = new ArrayList<>();
        for (Rule rule : table.getRules()) {
            OutputEntry verdict = List.copyOf(rule.getOutputEntries()).get(eligibleColumn);
            if (!"false".equals(text(verdict.getText()))) {
                continue;
            }
            List<InputEntry> entries = List.copyOf(rule.getInputEntries());
            List<Input> tested = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                String test = text(entries.get(i).getText());
                if (!test.isEmpty() && !"-".equals(test)) {
                    tested.add(inputs.get(i));
                }
            }
            List<HistoricDecisionOutputInstance> outputs = matched.getOrDefault(rule.getId(), List.of());
            boolean respected = outputs.isEmpty();
            String reason = outputs.stream()
                    .filter(output -> !ELIGIBLE_OUTPUT.equals(output.getVariableName()))
                    .map(HistoricDecisionOutputInstance::getValue)
                    .filter(Objects::nonNull)
                    .map(String::valueOf)
                    .findFirst()
                    .orElse(null);
            rules.add(new EligibilityRule(
                    rule.getId(),
                    description(rule),
                    respected,
                    Messages.get(respected ? "explanation.respected" : "explanation.notRespected"),
                    respected ? null : reason,
                    usedValues(table, instance, tested)));
        }
        return rules;
    }

    private static String eligibilitySummary(boolean eligible, List<EligibilityRule> rules) {
        if (eligible) {
            return Messages.get("explanation.eligible");
        }
        long failed = rules.stream().filter(rule -> !rule.respected()).count();
        return failed == 1 ? Messages.get("explanation.ineligibleOne") : Messages.get("explanation.ineligible", failed);
    }

    // --- rapid-funding-rate and ComputeProposedAid ---------------------------------------------------------

    private FundingStep fundingStep(
            HistoricDecisionInstance rateInstance, List<HistoricDecisionInstance> evaluated, Dossier dossier) {
        Decision decision = decision(rateInstance);
        DecisionTable table = (DecisionTable) decision.getExpression();
        HistoricDecisionOutputInstance output = firstOutput(rateInstance);
        BigDecimal rate = output == null ? null : share(output.getValue());
        String rateRuleId = output == null ? null : output.getRuleId();
        String rateRule = output == null ? Messages.get("explanation.noRule") : ruleDescription(table, rateRuleId);

        Map<String, HistoricDecisionInstance> required = requiredDecisions(rateInstance, evaluated);
        List<RatePart> parts = new ArrayList<>();
        for (InformationRequirement requirement : decision.getInformationRequirements()) {
            Decision requiredDecision = requirement.getRequiredDecision();
            HistoricDecisionInstance part = requiredDecision == null ? null : required.get(requiredDecision.getId());
            if (part != null) {
                parts.add(ratePart(requiredDecision, part));
            }
        }
        boolean detailed = !parts.isEmpty();
        BigDecimal sum = detailed && parts.stream().allMatch(part -> part.rate() != null)
                ? parts.stream().map(RatePart::rate).reduce(BigDecimal.ZERO, BigDecimal::add)
                : null;
        List<UsedValue> inputs = detailed
                ? distinctByLabel(
                        parts.stream().flatMap(part -> part.inputs().stream()).toList())
                : usedValues(table, rateInstance, table.getInputs());
        String rateComputation = detailed
                ? Messages.get(
                        "explanation.rateComputation",
                        parts.stream().map(RatePart::rateText).collect(Collectors.joining(" + ")),
                        rateText(sum),
                        withoutFinalStop(rateRule))
                : Messages.get("explanation.flatRate", rateText(rate), withoutFinalStop(rateRule));

        DossierSubmission s = dossier.submission();
        // The rate ComputeProposedAid applied, as it recorded it on the dossier (2 decimals).
        BigDecimal appliedRate = dossier.fundingRate() != null ? dossier.fundingRate() : twoDecimals(rate);
        Long byRate = appliedRate == null ? null : ComputeProposedAid.byRate(appliedRate, s.totalCostEur());
        String proposedAidComputation = byRate == null
                ? null
                : Messages.get("explanation.aidByRate", rateText(appliedRate), euros(s.totalCostEur()), euros(byRate))
                        + " "
                        + (dossier.proposedAidEur() != null
                                ? Messages.get(
                                        "explanation.proposedAid",
                                        euros(s.requestedAidEur()),
                                        euros(dossier.proposedAidEur()))
                                : Messages.get("explanation.proposedAidPending", euros(s.requestedAidEur())));
        return new FundingStep(
                detailed,
                parts,
                sum,
                rateText(sum),
                detailed && sum != null && rate != null ? rate.compareTo(sum) < 0 : null,
                rateRuleId,
                rateRule,
                rate,
                rateText(rate),
                inputs,
                rateComputation,
                s.totalCostEur(),
                s.requestedAidEur(),
                byRate,
                dossier.proposedAidEur(),
                euros(dossier.proposedAidEur()),
                proposedAidComputation,
                detailed ? null : Messages.get("explanation.flatRateNote"));
    }

    private RatePart ratePart(Decision decision, HistoricDecisionInstance instance) {
        DecisionTable table = (DecisionTable) decision.getExpression();
        HistoricDecisionOutputInstance output = firstOutput(instance);
        BigDecimal rate = output == null ? null : share(output.getValue());
        return new RatePart(
                decision.getId(),
                decision.getName(),
                output == null ? null : output.getRuleId(),
                output == null ? Messages.get("explanation.noRule") : ruleDescription(table, output.getRuleId()),
                rate,
                rateText(rate),
                usedValues(table, instance, table.getInputs()));
    }

    /**
     * The decisions evaluated for the rate (the required decisions of its DRD), by key: the history
     * records them in the same process instance, under the rate's root decision instance.
     */
    private static Map<String, HistoricDecisionInstance> requiredDecisions(
            HistoricDecisionInstance root, List<HistoricDecisionInstance> evaluated) {
        Map<String, HistoricDecisionInstance> byKey = new LinkedHashMap<>();
        evaluated.stream()
                .filter(instance -> root.getId().equals(instance.getRootDecisionInstanceId()))
                .filter(instance -> !root.getId().equals(instance.getId()))
                .forEach(instance -> byKey.put(instance.getDecisionDefinitionKey(), instance));
        return byKey;
    }

    // --- reading the history and the model ------------------------------------------------------------------

    /** The last evaluation of a decision as the root of its evaluation (not as a required decision). */
    private static Optional<HistoricDecisionInstance> latestRoot(List<HistoricDecisionInstance> evaluated, String key) {
        return evaluated.stream()
                .filter(instance -> key.equals(instance.getDecisionDefinitionKey()))
                .filter(instance -> instance.getRootDecisionInstanceId() == null
                        || instance.getRootDecisionInstanceId().equals(instance.getId()))
                .max(Comparator.comparing(HistoricDecisionInstance::getEvaluationTime));
    }

    /** The decision of the model version that was evaluated (the engine caches the model). */
    private Decision decision(HistoricDecisionInstance instance) {
        DmnModelInstance model = repository.getDmnModelInstance(instance.getDecisionDefinitionId());
        return model.getModelElementById(instance.getDecisionDefinitionKey());
    }

    private DecisionTable table(HistoricDecisionInstance instance) {
        return (DecisionTable) decision(instance).getExpression();
    }

    private static HistoricDecisionOutputInstance firstOutput(HistoricDecisionInstance instance) {
        return instance.getOutputs().stream()
                .min(Comparator.comparing(
                        HistoricDecisionOutputInstance::getRuleOrder, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(null);
    }

    private static int outputColumn(DecisionTable table, String name) {
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (int i = 0; i < outputs.size(); i++) {
            if (name.equals(outputs.get(i).getName())) {
                return i;
            }
        }
        throw new IllegalStateException("No output " + name + " in " + table.getId());
    }

    private static String ruleDescription(DecisionTable table, String ruleId) {
        return table.getRules().stream()
                .filter(rule -> rule.getId().equals(ruleId))
                .findFirst()
                .map(DecisionExplanations::description)
                .orElse(null);
    }

    private static String description(Rule rule) {
        return rule.getDescription() == null ? null : text(rule.getDescription());
    }

    private static String text(ModelElementInstance element) {
        return element == null || element.getTextContent() == null
                ? ""
                : element.getTextContent().trim();
    }

    /** The given inputs of a table with the values this evaluation recorded, in the table's order. */
    private List<UsedValue> usedValues(
            DecisionTable table, HistoricDecisionInstance instance, Collection<Input> inputs) {
        Map<String, HistoricDecisionInputInstance> recorded = instance.getInputs().stream()
                .collect(Collectors.toMap(HistoricDecisionInputInstance::getClauseId, input -> input, (a, b) -> a));
        List<UsedValue> values = new ArrayList<>();
        for (Input input : inputs) {
            HistoricDecisionInputInstance value = recorded.get(input.getId());
            if (value != null) {
                values.add(usedValue(input, value.getValue()));
            }
        }
        return values;
    }

    /** A value as the SME reads it: euros for amounts ({@code …Eur}), labels for codes, oui / non. */
    private UsedValue usedValue(Input input, Object value) {
        String expression = input.getInputExpression() == null
                ? ""
                : text(input.getInputExpression().getText());
        String label = input.getLabel();
        String text;
        if (value == null || "".equals(value)) {
            text = Messages.get("explanation.noValue");
        } else if (value instanceof Boolean flag) {
            text = Messages.get(flag ? "explanation.yes" : "explanation.no");
        } else if (value instanceof Number number && expression.endsWith("Eur")) {
            text = euros(number.longValue());
            label = label.replace(" (€)", "");
        } else if (value instanceof Number number) {
            text = FrenchFormat.number(number.longValue());
        } else if ("companyCategory".equals(expression)) {
            text = categoryLabel((String) value);
        } else {
            FormDefinition submission = forms.get(SUBMISSION_FORM);
            text = submission.optionLabel(expression, String.valueOf(value)).orElse(String.valueOf(value));
        }
        return new UsedValue(input.getId(), label, value, text);
    }

    private static List<UsedValue> distinctByLabel(List<UsedValue> values) {
        Map<String, UsedValue> byLabel = new LinkedHashMap<>();
        values.forEach(value -> byLabel.putIfAbsent(value.label(), value));
        return List.copyOf(byLabel.values());
    }

    private static String categoryLabel(String category) {
        return Messages.get("category." + category);
    }

    /** A share of the history (a double of a DMN output, 0.7) as the exact decimal it stands for. */
    private static BigDecimal share(Object value) {
        return value == null ? null : new BigDecimal(String.valueOf(value)).stripTrailingZeros();
    }

    private static BigDecimal twoDecimals(BigDecimal rate) {
        return rate == null ? null : rate.setScale(2, RoundingMode.HALF_UP);
    }

    /** 0.85 → « 85 % ». */
    static String rateText(BigDecimal rate) {
        return rate == null ? null : percent(rate.movePointRight(2).stripTrailingZeros());
    }

    private static String withoutFinalStop(String sentence) {
        return sentence != null && sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
