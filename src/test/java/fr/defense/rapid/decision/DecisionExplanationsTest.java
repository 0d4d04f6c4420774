package fr.defense.rapid.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.decision.DecisionExplanation.EligibilityRule;
import fr.defense.rapid.decision.DecisionExplanation.FundingStep;
import fr.defense.rapid.decision.DecisionExplanation.RatePart;
import fr.defense.rapid.decision.DecisionExplanation.UsedValue;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Why the machine decided (issue 12): the explanation of a dossier's automatic steps says what the
 * DMN history recorded for it, with the rules of the table version that was applied, in French.
 */
@ProcessTest
class DecisionExplanationsTest {

    private static final String MENTION_START =
            "Les décisions relatives à votre dossier sont prises sur le fondement d'un traitement algorithmique"
                    + " (article L311-3-1 du code des relations entre le public et l'administration).";

    @Autowired
    ProcessEngine engine;

    @Autowired
    DecisionExplanations explanations;

    @Autowired
    Attachments attachments;

    RapidProcess rapid;

    /** The deployment of an earlier model that a test makes, removed afterwards. */
    String earlierModel;

    @BeforeEach
    void setUp() {
        rapid = new RapidProcess(engine, attachments);
        ClockUtil.setCurrentTime(new Date());
    }

    @AfterEach
    void restoreTodaysModels() {
        ClockUtil.reset();
        if (earlierModel != null) {
            engine.getRepositoryService().deleteDeployment(earlierModel, true);
        }
    }

    @Test
    void approvedPathDossierShowsItsCategoryEveryRuleRespectedAndTheRateByPartsCappedAt80Percent() {
        ProcessInstance instance = rapid.submitted(SampleDossiers.smallCompany());
        String number = instance.getBusinessKey();

        DecisionExplanation waiting = explanations.forDossier(number).orElseThrow();
        assertThat(waiting.eligible()).isTrue();
        assertThat(waiting.funding())
                .as("no rate before the technical evaluation")
                .isNull();

        rapid.complete(instance, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        rapid.complete(instance, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        rapid.complete(instance, "CommitteeDecision", "committee", SampleDossiers.approval(200_000L));

        DecisionExplanation explanation = explanations.forDossier(number).orElseThrow();
        assertThat(explanation.dossierNumber()).isEqualTo(number);

        // 1. the company category: the figures used, formatted, and the rule that matched
        assertThat(explanation.category().category()).isEqualTo("SMALL");
        assertThat(explanation.category().categoryLabel()).isEqualTo("Petite entreprise");
        assertThat(explanation.category().ruleId()).isEqualTo("small-by-turnover");
        assertThat(explanation.category().rule()).isEqualTo("Moins de 50 salariés et CA ≤ 10 M€");
        assertThat(explanation.category().inputs())
                .extracting(UsedValue::label, UsedValue::text)
                .containsExactly(
                        tuple("Effectif (consolidé)", "35"),
                        tuple("Chiffre d'affaires", "6 000 000 €"),
                        tuple("Total de bilan", "4 000 000 €"));
        assertValuesAreTheHistorys(explanation.category().inputs(), root(instance, "rapid-company-category"));

        // 2. each eligibility rule, respected, with the values it tested as history recorded them
        HistoricDecisionInstance eligibility = root(instance, "rapid-eligibility");
        assertThat(explanation.eligible()).isTrue();
        assertThat(explanation.eligibilitySummary())
                .isEqualTo("Votre dossier remplit toutes les conditions d'éligibilité vérifiées automatiquement.");
        assertThat(explanation.eligibilityRules())
                .extracting(EligibilityRule::ruleId, EligibilityRule::rule, EligibilityRule::verdict)
                .containsExactly(
                        tuple("too-large", "L'entreprise compte moins de 2 000 salariés (PME ou ETI)", "respectée"),
                        tuple(
                                "too-many-entities",
                                "Le projet réunit 3 entités au plus (le porteur et 2 partenaires au plus)",
                                "respectée"),
                        tuple(
                                "personnel-share-too-low",
                                "Les frais de personnel atteignent au moins le tiers du coût total du projet",
                                "respectée"),
                        tuple("no-defence-application", "Une application défense du projet est décrite", "respectée"),
                        tuple("no-civil-application", "Une application civile du projet est décrite", "respectée"));
        assertThat(explanation.eligibilityRules()).allSatisfy(rule -> {
            assertThat(rule.respected()).isTrue();
            assertThat(rule.reason()).isNull();
            assertThat(rule.values()).hasSize(1);
            assertValuesAreTheHistorys(rule.values(), eligibility);
        });
        assertThat(firedRules(eligibility)).containsExactly("eligible");
        assertThat(explanation.eligibilityRules().stream().flatMap(rule -> rule.values().stream()))
                .extracting(UsedValue::label, UsedValue::text)
                .containsExactly(
                        tuple("Catégorie d'entreprise", "Petite entreprise"),
                        tuple("Nombre de partenaires", "1"),
                        tuple("Frais de personnel ≥ 1/3 du coût total", "oui"),
                        tuple("Application défense", "Observation de nuit pour mini-drones de reconnaissance."),
                        tuple(
                                "Application civile",
                                "Inspection thermique de bâtiments et lutte contre les incendies."));

        // 3. the rate by its parts, as the DRD's required decisions recorded them, then the cap
        HistoricDecisionInstance rate = root(instance, "rapid-funding-rate");
        List<HistoricDecisionInstance> required = engine
                .getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(instance.getId())
                .includeOutputs()
                .list()
                .stream()
                .filter(decision -> rate.getId().equals(decision.getRootDecisionInstanceId()))
                .toList();
        assertThat(required)
                .extracting(HistoricDecisionInstance::getDecisionDefinitionKey)
                .containsExactlyInAnyOrder(
                        "rapid-funding-base-rate", "rapid-funding-size-bonus", "rapid-funding-collaboration-bonus");
        Map<String, Object> recordedParts = required.stream()
                .collect(Collectors.toMap(
                        HistoricDecisionInstance::getDecisionDefinitionKey,
                        decision -> decision.getOutputs().get(0).getValue()));

        FundingStep funding = explanation.funding();
        assertThat(funding.detailed()).isTrue();
        assertThat(funding.parts())
                .extracting(RatePart::decisionKey, RatePart::name, RatePart::rule, RatePart::rateText)
                .containsExactly(
                        tuple(
                                "rapid-funding-base-rate",
                                "Taux de base selon le type de travaux",
                                "Recherche industrielle : taux de base de 50 %",
                                "50 %"),
                        tuple(
                                "rapid-funding-size-bonus",
                                "Majoration selon la taille de l'entreprise",
                                "Petite entreprise : majoration de 20 points",
                                "20 %"),
                        tuple(
                                "rapid-funding-collaboration-bonus",
                                "Majoration pour collaboration effective",
                                "PME (petite ou moyenne entreprise) en collaboration effective : majoration de 15 points",
                                "15 %"));
        assertThat(funding.parts())
                .allSatisfy(part -> assertThat(part.rate())
                        .isEqualByComparingTo(String.valueOf(recordedParts.get(part.decisionKey()))));
        assertThat(funding.partsSum()).isEqualByComparingTo("0.85");
        assertThat(funding.partsSumText()).isEqualTo("85 %");
        assertThat(funding.capped()).isTrue();
        assertThat(funding.rateRuleId()).isEqualTo(firedRules(rate).get(0)).isEqualTo("rate-capped");
        assertThat(funding.rate())
                .isEqualByComparingTo(String.valueOf(rate.getOutputs().get(0).getValue()));
        assertThat(funding.rateText()).isEqualTo("80 %");
        assertThat(funding.rateComputation())
                .isEqualTo("50 % + 20 % + 15 % = 85 %. La somme des parts dépasse le plafond de 80 % :"
                        + " le taux est ramené à 80 %.");
        assertThat(funding.inputs())
                .extracting(UsedValue::label, UsedValue::text)
                .containsExactly(
                        tuple("Type de travaux", "Recherche industrielle (TRL 3 à 5 en général)"),
                        tuple("Catégorie d'entreprise", "Petite entreprise"),
                        tuple("Collaboration effective", "oui"));

        // ... and the proposed aid's computation
        assertThat(funding.aidByRateEur()).isEqualTo(320_000L);
        assertThat(funding.proposedAidEur()).isEqualTo(200_000L);
        assertThat(funding.proposedAidText()).isEqualTo("200 000 €");
        assertThat(funding.proposedAidComputation())
                .isEqualTo("80 % × 400 000 € (coût total du projet) = 320 000 €, arrondi à l'euro inférieur."
                        + " Aide demandée : 200 000 €. Aide proposée au comité, le plus petit des deux montants :"
                        + " 200 000 €.");
        assertThat(funding.note()).isNull();

        // 4. the statutory mention: what is automatic, what the committee decides, whom to ask
        assertThat(explanation.statutoryMention())
                .startsWith(MENTION_START)
                .contains("c'est le comité qui décide d'accorder l'aide ou de la refuser")
                .endsWith("(articles L311-3-1 et R311-3-1-2 du même code) à l'Agence de l'innovation de défense"
                        + " (secrétariat du dispositif RAPID).");
    }

    @Test
    void ineligibleDossierShowsTheRulesNotRespectedWithTheirReasonsAndNoFundingStep() {
        Map<String, Object> large = SampleDossiers.largeCompany();
        large.put("personnelCostEur", 100_000L); // below a third of 400 000
        ProcessInstance instance = rapid.submitted(large);

        DecisionExplanation explanation =
                explanations.forDossier(instance.getBusinessKey()).orElseThrow();

        HistoricDecisionInstance eligibility = root(instance, "rapid-eligibility");
        assertThat(firedRules(eligibility)).containsExactlyInAnyOrder("too-large", "personnel-share-too-low");
        assertThat(explanation.eligible()).isFalse();
        assertThat(explanation.eligibilitySummary())
                .isEqualTo("Votre dossier ne remplit pas 2 des conditions d'éligibilité vérifiées automatiquement :"
                        + " il a été déclaré inéligible.");
        assertThat(explanation.eligibilityRules())
                .extracting(EligibilityRule::ruleId, EligibilityRule::respected, EligibilityRule::verdict)
                .containsExactly(
                        tuple("too-large", false, "non respectée"),
                        tuple("too-many-entities", true, "respectée"),
                        tuple("personnel-share-too-low", false, "non respectée"),
                        tuple("no-defence-application", true, "respectée"),
                        tuple("no-civil-application", true, "respectée"));
        // Not respected: exactly the rules history recorded as matched, with the reasons it recorded.
        assertThat(explanation.eligibilityRules().stream()
                        .filter(rule -> !rule.respected())
                        .map(EligibilityRule::ruleId))
                .containsExactlyInAnyOrderElementsOf(firedRules(eligibility));
        assertThat(explanation.eligibilityRules())
                .filteredOn(rule -> !rule.respected())
                .extracting(EligibilityRule::reason)
                .containsExactly(
                        "L'entreprise compte 2 000 salariés ou plus : le dispositif RAPID est réservé aux PME et ETI.",
                        "Les frais de personnel représentent moins du tiers du coût total du projet.")
                .containsExactlyInAnyOrderElementsOf(eligibility.getOutputs().stream()
                        .filter(output -> "ineligibilityReason".equals(output.getVariableName()))
                        .map(output -> (String) output.getValue())
                        .toList());
        assertThat(explanation.eligibilityRules())
                .filteredOn(rule -> !rule.respected())
                .flatExtracting(EligibilityRule::values)
                .extracting(UsedValue::label, UsedValue::text)
                .containsExactly(
                        tuple("Catégorie d'entreprise", "Grande entreprise"),
                        tuple("Frais de personnel ≥ 1/3 du coût total", "non"));
        explanation.eligibilityRules().forEach(rule -> assertValuesAreTheHistorys(rule.values(), eligibility));

        assertThat(explanation.category().categoryLabel()).isEqualTo("Grande entreprise");
        assertThat(explanation.category().rule()).isEqualTo("2 000 salariés ou plus : grande entreprise");
        assertThat(explanation.category().inputs())
                .extracting(UsedValue::text)
                .containsExactly("2 500", "900 000 000 €", "700 000 000 €");
        assertThat(explanation.funding()).isNull();
        assertThat(explanation.statutoryMention()).startsWith(MENTION_START);
    }

    /**
     * A dossier examined with the earlier, flat {@code rapid-funding-rate} (one table of twelve
     * rates): its history has the rate but not its parts. The explanation says so, and shows the rate
     * with the values and the row that gave it.
     */
    @Test
    void dossierExaminedWithTheFlatRateTableShowsTheRateOnlyAndSaysWhy() {
        deployWithFlatRateTable();
        ProcessInstance instance = rapid.atCommitteeDecision(SampleDossiers.mediumCompany());

        FundingStep funding =
                explanations.forDossier(instance.getBusinessKey()).orElseThrow().funding();

        assertThat(funding.detailed()).isFalse();
        assertThat(funding.parts()).isEmpty();
        assertThat(funding.partsSum()).isNull();
        assertThat(funding.capped()).isNull();
        assertThat(funding.rateRuleId()).isEqualTo("medium-ed-alone");
        assertThat(funding.rateText()).isEqualTo("35 %");
        assertThat(funding.rateComputation())
                .isEqualTo("Taux donné par la table en vigueur lors de l'examen de votre dossier : 35 %"
                        + " (MEDIUM, développement expérimental, sans collaboration effective).");
        assertThat(funding.inputs())
                .extracting(UsedValue::label, UsedValue::text)
                .containsExactly(
                        tuple("Catégorie d'entreprise", "Moyenne entreprise"),
                        tuple("Type de travaux", "Développement expérimental (TRL 6 à 7 en général)"),
                        tuple("Collaboration effective", "non"));
        assertValuesAreTheHistorys(funding.inputs(), root(instance, "rapid-funding-rate"));
        assertThat(funding.note()).contains("version antérieure de la table des taux");
        assertThat(funding.proposedAidComputation())
                .isEqualTo("35 % × 900 000 € (coût total du projet) = 315 000 €, arrondi à l'euro inférieur."
                        + " Aide demandée : 500 000 €. Aide proposée au comité, le plus petit des deux montants :"
                        + " 315 000 €.");
    }

    @Test
    void unknownDossierHasNoExplanation() {
        assertThat(explanations.forDossier("RAPID-2026-99999")).isEmpty();
    }

    // --- the history, queried here too ---------------------------------------------------------

    private HistoricDecisionInstance root(ProcessInstance instance, String key) {
        return engine.getHistoryService()
                .createHistoricDecisionInstanceQuery()
                .processInstanceId(instance.getId())
                .decisionDefinitionKey(key)
                .includeInputs()
                .includeOutputs()
                .singleResult();
    }

    private static List<String> firedRules(HistoricDecisionInstance decision) {
        return decision.getOutputs().stream()
                .map(HistoricDecisionOutputInstance::getRuleId)
                .distinct()
                .toList();
    }

    /** Each value shown is the one history recorded for that input of the table. */
    private static void assertValuesAreTheHistorys(List<UsedValue> values, HistoricDecisionInstance decision) {
        Map<String, HistoricDecisionInputInstance> recorded = decision.getInputs().stream()
                .collect(Collectors.toMap(HistoricDecisionInputInstance::getClauseId, input -> input));
        assertThat(values).isNotEmpty().allSatisfy(value -> {
            assertThat(recorded).containsKey(value.inputId());
            assertThat(value.value()).isEqualTo(recorded.get(value.inputId()).getValue());
            assertThat(value.label())
                    .startsWith(recorded.get(value.inputId()).getClauseName().replace(" (€)", ""));
        });
    }

    // --- an earlier model --------------------------------------------------------------------------

    /** Today's process and tables, but the flat rate table of before (src/test/resources/migration). */
    private void deployWithFlatRateTable() {
        DeploymentBuilder deployment =
                engine.getRepositoryService().createDeployment().name("flat-rate-table-test");
        for (String model : Set.of("rapid-subsidy.bpmn", "rapid-company-category.dmn", "rapid-eligibility.dmn")) {
            deployment.addInputStream("processes/" + model, read(Path.of("processes", model)));
        }
        deployment.addInputStream(
                "processes/rapid-funding-rate.dmn",
                read(Path.of("src/test/resources/migration/rapid-funding-rate-flat.dmn")));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            forms.filter(form -> form.toString().endsWith(".form"))
                    .forEach(form -> deployment.addInputStream("forms/" + form.getFileName(), read(form)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        earlierModel = deployment.deploy().getId();
    }

    private static InputStream read(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
