package fr.defense.rapid.retention;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The configured retention is the one that applies: the models carry {@code camunda:historyTimeToLive}
 * (the engine and bpmnlint want one), and at each start every deployed process and decision definition,
 * all versions, is given the period's days instead (nothing changes when it has them already). When a
 * definition's time to live changes, the removal time of its finished instances is computed again (a
 * batch of the engine's, run by the job executor), so that a new period applies to the past too.
 */
@Component
class DefinitionTimeToLive {

    private static final Logger log = LoggerFactory.getLogger(DefinitionTimeToLive.class);

    private final RepositoryService repository;
    private final HistoryService history;
    private final RetentionSettings settings;

    DefinitionTimeToLive(RepositoryService repository, HistoryService history, RetentionSettings settings) {
        this.repository = repository;
        this.history = history;
        this.settings = settings;
    }

    /** Once the models are deployed, before the application's runners (the seed profile writes removal times). */
    @EventListener(ApplicationStartedEvent.class)
    void onStartup() {
        apply();
    }

    /** Gives every definition the period's days; returns how many definitions changed. */
    int apply() {
        int days = settings.days();
        int changed = 0;
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().list()) {
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
                try {
                    repository.updateProcessDefinitionHistoryTimeToLive(definition.getId(), days);
                } catch (OptimisticLockingException updatedByAnotherNode) {
                    continue;
                }
                recomputeRemovalTimes(definition);
                changed++;
            }
        }
        for (DecisionDefinition definition :
                repository.createDecisionDefinitionQuery().list()) {
            if (!Integer.valueOf(days).equals(definition.getHistoryTimeToLive())) {
                // Decisions evaluated in a process are removed with its instance; this applies to the others.
                repository.updateDecisionDefinitionHistoryTimeToLive(definition.getId(), days);
                changed++;
            }
        }
        if (changed > 0) {
            log.info("History time to live set to {} days ({}) on {} definition(s)", days, settings.period(), changed);
        }
        return changed;
    }

    private void recomputeRemovalTimes(ProcessDefinition definition) {
        HistoricProcessInstanceQuery finished = history.createHistoricProcessInstanceQuery()
                .processDefinitionId(definition.getId())
                .finished();
        long count = finished.count();
        if (count > 0) {
            history.setRemovalTimeToHistoricProcessInstances()
                    .calculatedRemovalTime()
                    .byQuery(finished)
                    .executeAsync();
            log.info(
                    "Removal time of {} finished instance(s) of {} to be computed again (batch)",
                    count,
                    definition.getId());
        }
    }
}
