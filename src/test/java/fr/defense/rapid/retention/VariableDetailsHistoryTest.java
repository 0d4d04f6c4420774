package fr.defense.rapid.retention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.time.LocalTime;
import java.time.Period;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's history keeps each variable's last value, not each of its updates (ACT_HI_DETAIL), and
 * everything else of level full: the decisions with their inputs, the job log, the operation log.
 */
@ProcessTest
class VariableDetailsHistoryTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Test
    void aDossiersHistoryKeepsEachVariablesLastValueAndTheDecisionsButNoVariableUpdateDetails() {
        ProcessInstance dossier =
                new RapidProcess(engine, attachments).atTechnicalEvaluation(SampleDossiers.smallCompany());
        HistoryService history = engine.getHistoryService();
        String id = dossier.getId();

        Map<String, Object> lastValues =
                history.createHistoricVariableInstanceQuery().processInstanceId(id).list().stream()
                        .filter(variable -> variable.getValue() != null)
                        .collect(java.util.stream.Collectors.toMap(
                                HistoricVariableInstance::getName, HistoricVariableInstance::getValue, (a, b) -> a));
        assertThat(lastValues)
                .containsEntry("companyHeadcount", SampleDossiers.smallCompany().get("companyHeadcount"))
                .containsEntry("dossierNumber", dossier.getBusinessKey())
                .containsEntry("completenessOutcome", "COMPLETE")
                .containsEntry("eligible", true);
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).count())
                .as("variable updates recorded one by one")
                .isZero();
        assertThat(history.createHistoricDecisionInstanceQuery()
                        .processInstanceId(id)
                        .includeInputs()
                        .list())
                .as("company category and eligibility, with their inputs")
                .hasSize(2)
                .allSatisfy(decision -> assertThat(decision.getInputs()).isNotEmpty());
        assertThat(history.createHistoricJobLogQuery().processInstanceId(id).count())
                .as("job log")
                .isPositive();
        assertThat(history.createUserOperationLogQuery().processInstanceId(id).count())
                .as("operation log: the completeness check claimed and completed")
                .isPositive();
    }

    @Test
    void withVariableDetailsOnTheEngineKeepsItsOwnHistoryHandler() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        new VariableDetailsHistory(settings(true)).preInit(configuration);
        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
        assertThat(configuration.getCustomHistoryEventHandlers()).isNullOrEmpty();

        new VariableDetailsHistory(settings(false)).preInit(configuration);
        assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
        assertThat(configuration.getCustomHistoryEventHandlers())
                .singleElement()
                .isInstanceOf(VariableDetailsHistory.WithoutVariableDetails.class);
    }

    private static RetentionSettings settings(boolean variableDetails) {
        return new RetentionSettings(
                Period.ofYears(10),
                false,
                "0 30 0 * * *",
                500,
                new RetentionSettings.EngineCleanup(LocalTime.of(1, 0), LocalTime.of(5, 0), 2),
                variableDetails);
    }
}
