package fr.defense.rapid.retention;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Whether the engine's history keeps every value each variable ever had ({@code ACT_HI_DETAIL}), or only
 * its last one ({@code ACT_HI_VARINST}), by {@code rapid.retention.variable-details}.
 *
 * <p>At history level {@code full}, each variable set or changed also writes a detail row (and, for a
 * serialized value, a copy of its bytes): a submission's two dozen form fields write as many, about a
 * third of the rows it inserts (issue 14). Nothing of ours reads them, and neither do Tasklist nor
 * Cockpit Community: the dossier's values live in our {@code dossier} table, a decision's inputs in
 * the decision history, who changed what in the user operation log. Everything else of level {@code
 * full} stays (decision history, job log, operation log, incidents), and so does the level recorded in
 * the database: switching the setting needs no migration.
 */
@Component
class VariableDetailsHistory extends AbstractProcessEnginePlugin {

    private final RetentionSettings settings;

    VariableDetailsHistory(RetentionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (settings.variableDetails()) {
            return;
        }
        // The engine's own database handler, one method less: the composite it builds by default holds
        // the default handler first, then any custom ones; ours takes the default's place among them.
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new WithoutVariableDetails());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /** {@link DbHistoryEventHandler} that records a variable's last value but not each update. */
    static final class WithoutVariableDetails extends DbHistoryEventHandler {
        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity historyEvent) {
            return false;
        }
    }
}
