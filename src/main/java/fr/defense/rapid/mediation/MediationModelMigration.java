package fr.defense.rapid.mediation;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstructionsBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the running cases of earlier versions of {@code mediation-escalation} onto the latest one
 * (Camunda's migration API), at start-up, once the new model is deployed. This is how a model
 * change ships: each activity keeps its id unless it is listed here with the id that replaces it;
 * a case waiting anywhere keeps its tasks, jobs and variables.
 *
 * <p>Version 2 models the mediation of a level once ({@code MediateAtLevel}, its group chosen by
 * {@link MediationLevels}) instead of one subprocess per level: the activities of both levels map onto it.
 */
@Component
class MediationModelMigration {

    private static final Logger log = LoggerFactory.getLogger(MediationModelMigration.class);
    static final String PROCESS = "mediation-escalation";

    /** Activities of earlier versions that the latest one names otherwise (old id → new id). */
    static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("MediateAtLevelOne", "MediateAtLevel"),
            Map.entry("MediateAtLevelTwo", "MediateAtLevel"),
            Map.entry("ConductMediationLevelOne", "ConductMediation"),
            Map.entry("ConductMediationLevelTwo", "ConductMediation"),
            Map.entry("AgreeToRenewalLevelOne", "AgreeToRenewal"),
            Map.entry("AgreeToRenewalLevelTwo", "AgreeToRenewal"),
            Map.entry("LevelOneDeadlinePassed", "LevelDeadlinePassed"),
            Map.entry("LevelTwoDeadlinePassed", "LevelDeadlinePassed"),
            Map.entry("NotifyLevelOneDeadlinePassed", "NotifyMediationDeadlinePassed"),
            Map.entry("NotifyLevelTwoDeadlinePassed", "NotifyMediationDeadlinePassed"));

    private final RepositoryService repository;
    private final RuntimeService runtime;

    MediationModelMigration(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStartup() {
        int migrated = migrateRunningCases();
        if (migrated > 0) {
            log.info("Migrated {} running mediation case(s) to the latest version of {}", migrated, PROCESS);
        }
    }

    /** Migrates every running case of an earlier version; returns how many. */
    int migrateRunningCases() {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            return 0;
        }
        int migrated = 0;
        List<ProcessDefinition> earlier =
                repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).list().stream()
                        .filter(definition -> definition.getVersion() < latest.getVersion())
                        .toList();
        for (ProcessDefinition source : earlier) {
            long running = runtime.createProcessInstanceQuery()
                    .processDefinitionId(source.getId())
                    .count();
            if (running == 0) {
                continue;
            }
            try {
                runtime.newMigration(plan(source, latest))
                        .processInstanceQuery(
                                runtime.createProcessInstanceQuery().processDefinitionId(source.getId()))
                        .skipCustomListeners()
                        .execute();
                migrated += (int) running;
            } catch (RuntimeException e) {
                // The cases stay on their version, which keeps running: an operator migrates them from Cockpit.
                log.error(
                        "Could not migrate the {} running case(s) of {} to version {}",
                        running,
                        source.getId(),
                        latest.getVersion(),
                        e);
            }
        }
        return migrated;
    }

    private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
        MigrationInstructionsBuilder plan =
                runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities();
        var sourceModel = repository.getBpmnModelInstance(source.getId());
        RENAMED.forEach((from, to) -> {
            if (sourceModel.getModelElementById(from) != null) {
                plan.mapActivities(from, to);
            }
        });
        return plan.build();
    }
}
