package fr.defense.rapid.notification;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Exactly-once mail relies on the engine's history: a notification is named by its process
 * instance, activity and occurrence, and the occurrence is counted from the historic activity
 * instances (SendNotification). Below history level {@code activity} that count is always zero, a
 * second pass through a step would reuse the first one's identity and its mail would be silently
 * dropped: the application refuses to start instead.
 */
@Component
class HistoryLevelCheck implements InitializingBean {

    private final ProcessEngine engine;

    HistoryLevelCheck(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void afterPropertiesSet() {
        require(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistoryLevel());
    }

    static void require(HistoryLevel level) {
        if (level.getId() < HistoryLevel.HISTORY_LEVEL_ACTIVITY.getId()) {
            throw new IllegalStateException(
                    "camunda.bpm.history-level is '" + level.getName() + "': exactly-once mail"
                            + " needs at least 'activity' (the default here is 'full'): it counts a step's occurrences from the history.");
        }
    }
}
