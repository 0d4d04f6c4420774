package fr.defense.rapid.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The three RAPID decision tables of docs/procedures.md §2, each rule row and each boundary, evaluated by
 * a real (in-memory) engine from the very files that are deployed.
 */
@Deployment(
        resources = {
            "processes/rapid-company-category.dmn",
            "processes/rapid-eligibility.dmn",
            "processes/rapid-funding-rate.dmn"
        })
class RapidDecisionTablesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder()
            .configurationResource("dmn-test.camunda.cfg.xml")
            .build();

    private static final long M = 1_000_000L;

    // --- CompanyCategory ---

    @ParameterizedTest(name = "{0} employees, turnover {1}, balance sheet {2} -> {3}")
    @CsvSource({
        // one case per rule row
        "2500, 900000000, 700000000, LARGE",
        "10, 5000000, 60000000, SMALL", // small by turnover
        "10, 60000000, 5000000, SMALL", // small by balance sheet
        "100, 40000000, 60000000, MEDIUM", // medium by turnover
        "100, 60000000, 40000000, MEDIUM", // medium by balance sheet
        "100, 60000000, 50000000, ETI", // above both medium ceilings
        // headcount boundaries: 49/50, 249/250, 1999/2000
        "49, 1000000, 1000000, SMALL",
        "50, 1000000, 1000000, MEDIUM",
        "249, 1000000, 1000000, MEDIUM",
        "250, 1000000, 1000000, ETI",
        "1999, 1000000, 1000000, ETI",
        "2000, 1000000, 1000000, LARGE",
        // the financial ceilings are inclusive, and one of the two suffices
        "49, 10000000, 99000000, SMALL",
        "49, 10000001, 10000000, SMALL",
        "49, 10000001, 10000001, MEDIUM",
        "249, 50000000, 99000000, MEDIUM",
        "249, 99000000, 43000000, MEDIUM",
        "249, 50000001, 43000001, ETI",
    })
    void categoryFollowsTheEuropeanDefinition(long headcount, long turnover, long balanceSheet, String category) {
        DmnDecisionTableResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(
                        "rapid-company-category",
                        Map.of(
                                "companyHeadcount",
                                headcount,
                                "companyTurnoverEur",
                                turnover,
                                "companyBalanceSheetEur",
                                balanceSheet));
        assertThat(result.getSingleResult().getEntryMap()).containsEntry("companyCategory", category);
    }

    // --- Eligibility ---

    @Test
    void dossierMeetingEveryConditionIsEligibleWithoutReason() {
        List<Map<String, Object>> rows = eligibility(eligibleInputs());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("eligible", true).doesNotContainKey("ineligibilityReason");
    }

    @Test
    void largeCompanyIsNotEligible() {
        assertSingleReason(with("companyCategory", "LARGE"), "2 000 salariés");
    }

    @Test
    void projectWithMoreThanThreeEntitiesIsNotEligible() {
        assertSingleReason(with("partnerCount", 3L), "plus de 3 entités");
        assertThat(eligibility(with("partnerCount", 2L)))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("eligible", true));
    }

    @Test
    void personnelCostsBelowOneThirdOfTheTotalAreNotEligible() {
        Map<String, Object> below = with("personnelCostEur", 99_999L);
        below.put("totalCostEur", 300_000L);
        assertSingleReason(below, "moins du tiers");
        Map<String, Object> exactlyOneThird = with("personnelCostEur", 100_000L);
        exactlyOneThird.put("totalCostEur", 300_000L);
        assertThat(eligibility(exactlyOneThird))
                .singleElement()
                .satisfies(row -> assertThat(row).containsEntry("eligible", true));
    }

    @Test
    void defenceApplicationMustBeDescribed() {
        assertSingleReason(with("defenceApplication", ""), "application défense");
        assertSingleReason(with("defenceApplication", null), "application défense");
    }

    @Test
    void civilApplicationMustBeDescribed() {
        assertSingleReason(with("civilApplication", ""), "application civile");
    }

    @Test
    void everyFailedConditionGivesItsOwnReason() {
        Map<String, Object> inputs = with("companyCategory", "LARGE");
        inputs.put("partnerCount", 4L);
        inputs.put("civilApplication", "");
        assertThat(eligibility(inputs))
                .hasSize(3)
                .allSatisfy(row -> assertThat(row).containsEntry("eligible", false));
    }

    private void assertSingleReason(Map<String, Object> inputs, String reason) {
        assertThat(eligibility(inputs)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("eligible", false);
            assertThat((String) row.get("ineligibilityReason")).containsIgnoringCase(reason);
        });
    }

    private List<Map<String, Object>> eligibility(Map<String, Object> inputs) {
        return engine.getDecisionService()
                .evaluateDecisionTableByKey("rapid-eligibility", inputs)
                .getResultList();
    }

    private Map<String, Object> with(String key, Object value) {
        Map<String, Object> inputs = eligibleInputs();
        inputs.put(key, value);
        return inputs;
    }

    private Map<String, Object> eligibleInputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("companyCategory", "SMALL");
        inputs.put("partnerCount", 1L);
        inputs.put("personnelCostEur", 250_000L);
        inputs.put("totalCostEur", 400_000L);
        inputs.put("defenceApplication", "Observation de nuit.");
        inputs.put("civilApplication", "Inspection thermique.");
        return inputs;
    }

    // --- FundingRate ---

    @ParameterizedTest(name = "{0}, {1}, collaboration {2} -> {3}")
    @CsvSource({
        // base + size bonus + collaboration bonus, capped at 0.80
        "SMALL, INDUSTRIAL_RESEARCH, false, 0.70",
        "SMALL, INDUSTRIAL_RESEARCH, true, 0.80", // 0.85 capped
        "MEDIUM, INDUSTRIAL_RESEARCH, false, 0.60",
        "MEDIUM, INDUSTRIAL_RESEARCH, true, 0.75",
        "ETI, INDUSTRIAL_RESEARCH, false, 0.50",
        "ETI, INDUSTRIAL_RESEARCH, true, 0.55",
        "SMALL, EXPERIMENTAL_DEVELOPMENT, false, 0.45",
        "SMALL, EXPERIMENTAL_DEVELOPMENT, true, 0.60",
        "MEDIUM, EXPERIMENTAL_DEVELOPMENT, false, 0.35",
        "MEDIUM, EXPERIMENTAL_DEVELOPMENT, true, 0.50",
        "ETI, EXPERIMENTAL_DEVELOPMENT, false, 0.25",
        "ETI, EXPERIMENTAL_DEVELOPMENT, true, 0.30",
    })
    void rateIsTheBasePlusTheBonusesCappedAt80Percent(
            String category, String researchType, boolean collaboration, double rate) {
        DmnDecisionTableResult result = engine.getDecisionService()
                .evaluateDecisionTableByKey(
                        "rapid-funding-rate",
                        Map.of(
                                "companyCategory",
                                category,
                                "researchType",
                                researchType,
                                "collaboration",
                                collaboration));
        assertThat((Double) result.getSingleResult().getSingleEntry()).isEqualTo(rate);
    }

    @Test
    void largeCompaniesHaveNoRate() {
        assertThat(engine.getDecisionService()
                        .evaluateDecisionTableByKey(
                                "rapid-funding-rate",
                                Map.of(
                                        "companyCategory",
                                        "LARGE",
                                        "researchType",
                                        "INDUSTRIAL_RESEARCH",
                                        "collaboration",
                                        false)))
                .isEmpty();
    }

    // --- FundingRate as a DRD: its parts, each a decision of its own, then their sum capped ---

    @ParameterizedTest(name = "{0} -> base {1}")
    @CsvSource({"INDUSTRIAL_RESEARCH, 0.50", "EXPERIMENTAL_DEVELOPMENT, 0.25"})
    void baseRateDependsOnTheWorkType(String researchType, double base) {
        assertThat(engine.getDecisionService()
                        .evaluateDecisionByKey("rapid-funding-base-rate")
                        .variables(Map.of("researchType", researchType))
                        .evaluate()
                        .<Object>getSingleEntry())
                .isEqualTo(base);
    }

    @ParameterizedTest(name = "{0} -> size bonus {1}")
    @CsvSource({"SMALL, 0.20", "MEDIUM, 0.10", "ETI, 0.0"})
    void sizeBonusDependsOnTheCategory(String category, double bonus) {
        assertThat(engine.getDecisionService()
                        .evaluateDecisionByKey("rapid-funding-size-bonus")
                        .variables(Map.of("companyCategory", category))
                        .evaluate()
                        .<Object>getSingleEntry())
                .isEqualTo(bonus);
    }

    @ParameterizedTest(name = "{0}, collaboration {1} -> bonus {2}")
    @CsvSource({
        "SMALL, true, 0.15",
        "MEDIUM, true, 0.15",
        "ETI, true, 0.05",
        "SMALL, false, 0.0",
        "MEDIUM, false, 0.0",
        "ETI, false, 0.0"
    })
    void collaborationBonusDependsOnTheCategory(String category, boolean collaboration, double bonus) {
        assertThat(engine.getDecisionService()
                        .evaluateDecisionByKey("rapid-funding-collaboration-bonus")
                        .variables(Map.of("companyCategory", category, "collaboration", collaboration))
                        .evaluate()
                        .<Object>getSingleEntry())
                .isEqualTo(bonus);
    }

    private static long evaluations;

    /**
     * The twelve rates of the former flat table, now computed: each is the exact decimal (a double
     * whose shortest form is the decimal, never 0.7000000000000001), and the history records the
     * three parts as decisions of the same evaluation (root decision instance), then the matched
     * rule of the rate: the cap only for the one combination above 80 %.
     */
    @ParameterizedTest(name = "{0}, {1}, collaboration {2} -> {3} + {4} + {5} -> {6}")
    @CsvSource({
        "SMALL, INDUSTRIAL_RESEARCH, false, 0.5, 0.2, 0, 0.7, rate-is-sum",
        "SMALL, INDUSTRIAL_RESEARCH, true, 0.5, 0.2, 0.15, 0.8, rate-capped",
        "MEDIUM, INDUSTRIAL_RESEARCH, false, 0.5, 0.1, 0, 0.6, rate-is-sum",
        "MEDIUM, INDUSTRIAL_RESEARCH, true, 0.5, 0.1, 0.15, 0.75, rate-is-sum",
        "ETI, INDUSTRIAL_RESEARCH, false, 0.5, 0, 0, 0.5, rate-is-sum",
        "ETI, INDUSTRIAL_RESEARCH, true, 0.5, 0, 0.05, 0.55, rate-is-sum",
        "SMALL, EXPERIMENTAL_DEVELOPMENT, false, 0.25, 0.2, 0, 0.45, rate-is-sum",
        "SMALL, EXPERIMENTAL_DEVELOPMENT, true, 0.25, 0.2, 0.15, 0.6, rate-is-sum",
        "MEDIUM, EXPERIMENTAL_DEVELOPMENT, false, 0.25, 0.1, 0, 0.35, rate-is-sum",
        "MEDIUM, EXPERIMENTAL_DEVELOPMENT, true, 0.25, 0.1, 0.15, 0.5, rate-is-sum",
        "ETI, EXPERIMENTAL_DEVELOPMENT, false, 0.25, 0, 0, 0.25, rate-is-sum",
        "ETI, EXPERIMENTAL_DEVELOPMENT, true, 0.25, 0, 0.05, 0.3, rate-is-sum",
    })
    void rateIsTheSumOfItsPartsRecordedInHistoryAndCappedAt80Percent(
            String category,
            String researchType,
            boolean collaboration,
            String base,
            String sizeBonus,
            String collaborationBonus,
            String rate,
            String rateRule) {
        // Each evaluation at its own time, so that the history query below finds this one alone.
        Date evaluatedAt = Date.from(Instant.parse("2031-01-01T00:00:00Z").plusSeconds(3600 * ++evaluations));
        ClockUtil.setCurrentTime(evaluatedAt);

        DmnDecisionResult result = engine.getDecisionService()
                .evaluateDecisionByKey("rapid-funding-rate")
                .variables(Map.of(
                        "companyCategory", category, "researchType", researchType, "collaboration", collaboration))
                .evaluate();

        Object fundingRate = result.getSingleResult().getEntry("fundingRate");
        assertThat(fundingRate).isInstanceOf(Double.class);
        assertThat(String.valueOf(fundingRate)).isEqualTo(rate);

        HistoricDecisionInstance root = engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .decisionDefinitionKey("rapid-funding-rate")
                .evaluatedAfter(new Date(evaluatedAt.getTime() - 1000))
                .includeInputs()
                .includeOutputs()
                .singleResult();
        assertThat(root.getRootDecisionInstanceId()).isNull();
        assertThat(root.getInputs())
                .singleElement()
                .extracting(HistoricDecisionInputInstance::getValue)
                .satisfies(sum -> assertThat(new BigDecimal(String.valueOf(sum)))
                        .isEqualByComparingTo(new BigDecimal(base)
                                .add(new BigDecimal(sizeBonus))
                                .add(new BigDecimal(collaborationBonus))));
        assertThat(root.getOutputs())
                .singleElement()
                .extracting(HistoricDecisionOutputInstance::getRuleId)
                .isEqualTo(rateRule);

        Map<String, Object> parts = new HashMap<>();
        engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .rootDecisionInstanceId(root.getId())
                .includeOutputs()
                .list()
                .stream()
                .filter(instance -> !instance.getId().equals(root.getId()))
                .forEach(instance -> parts.put(
                        instance.getDecisionDefinitionKey(),
                        instance.getOutputs().get(0).getValue()));
        assertThat(parts)
                .containsOnlyKeys(
                        "rapid-funding-base-rate", "rapid-funding-size-bonus", "rapid-funding-collaboration-bonus");
        assertThat(new BigDecimal(String.valueOf(parts.get("rapid-funding-base-rate"))))
                .isEqualByComparingTo(base);
        assertThat(new BigDecimal(String.valueOf(parts.get("rapid-funding-size-bonus"))))
                .isEqualByComparingTo(sizeBonus);
        assertThat(new BigDecimal(String.valueOf(parts.get("rapid-funding-collaboration-bonus"))))
                .isEqualByComparingTo(collaborationBonus);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
