package fr.defense.rapid.retention;

import static org.camunda.bpm.engine.ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED;
import static org.camunda.bpm.engine.ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup: each historic instance gets its removal time when it ends (its end +
 * its definition's time to live, see {@link DefinitionTimeToLive}), and every night, within the
 * window, the engine's cleanup jobs remove what is past it, with everything that belongs to it
 * (activities, tasks, variables, decisions, incidents, job logs). In a cluster every node takes part;
 * the engine locks its jobs, so two nodes never remove the same rows.
 */
@Component
class EngineHistoryCleanup extends AbstractProcessEnginePlugin {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("HH:mmxx");

    private final RetentionSettings settings;

    EngineHistoryCleanup(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Camunda's defaults, said here since the retention relies on them: removal time = end + time to live.
        configuration.setHistoryCleanupStrategy(HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        configuration.setHistoryRemovalTimeStrategy(HISTORY_REMOVAL_TIME_STRATEGY_END);
        RetentionSettings.EngineCleanup cleanup = settings.engineCleanup();
        configuration.setHistoryCleanupDegreeOfParallelism(cleanup.degreeOfParallelism());
        if (settings.nightly()) {
            Instant now = Instant.now();
            configuration.setHistoryCleanupBatchWindowStartTime(inParis(cleanup.windowStart(), now));
            configuration.setHistoryCleanupBatchWindowEndTime(inParis(cleanup.windowEnd(), now));
        }
    }

    /**
     * Camunda reads a window's time in the server's time zone, or with the offset it carries: Paris's
     * offset of the day of the start, so that the window is at night in Paris whatever the server's zone
     * (after a change to or from summer time it is one hour off until the next start).
     */
    static String inParis(LocalTime time, Instant now) {
        return OffsetTime.of(time, PARIS.getRules().getOffset(now)).format(WITH_OFFSET);
    }
}
