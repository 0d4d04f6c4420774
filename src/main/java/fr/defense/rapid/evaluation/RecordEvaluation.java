package fr.defense.rapid.evaluation;

import fr.defense.rapid.system.EngineParseListeners;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Each completed technical evaluation joins the dossier's evaluations (table {@code evaluation}),
 * which the committee's form and the staff file show.
 *
 * <p>Recorded when the completion commits, not when the task completes: the form's rules are
 * applied after the task's {@code complete} listeners (FormValidationPlugin), so a refused
 * completion writes nothing and is answered with the form's own French message, and what is stored
 * is what they accepted (text composed to NFC). Attached at parse time to every task of the
 * {@code technical-evaluation} form, so dossiers already waiting on an earlier version of the
 * model record theirs too.
 */
@Component
class RecordEvaluation extends AbstractProcessEnginePlugin {

    static final String FORM = "technical-evaluation";

    private final Evaluations evaluations;

    RecordEvaluation(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.addAfterParse(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (FORM.equals(element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"))) {
                    ((UserTaskActivityBehavior) activity.getActivityBehavior())
                            .getTaskDefinition()
                            .addTaskListener(TaskListener.EVENTNAME_COMPLETE, RecordEvaluation.this::onCompletion);
                }
            }
        });
    }

    private void onCompletion(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        Authentication user =
                execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String expert = user != null ? user.getUserId() : task.getAssignee();
        Context.getCommandContext()
                .getTransactionContext()
                .addTransactionListener(TransactionState.COMMITTING, committing -> record(execution, expert));
    }

    private void record(DelegateExecution execution, String expert) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Evaluations.SCORE_COLUMNS
                .keySet()
                .forEach(key -> scores.put(key, ((Number) execution.getVariable(key)).intValue()));
        evaluations.record(
                execution.getProcessBusinessKey(),
                expert,
                scores,
                (String) execution.getVariable("evaluationRecommendation"),
                (String) execution.getVariable("evaluationComment"));
    }
}
