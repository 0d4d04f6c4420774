package fr.defense.rapid.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
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
}
