package fr.defense.rapid.staff;

import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.system.EngineParseListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * A staff task says which case it is about: « Évaluation technique — RAPID-2026-00042 — Optronique
 * du Lac ». Tasklist's rows and its search (typing in the search box looks in task names) then find
 * a task by dossier number or company. Added when the task is created, so the models keep their
 * plain activity names (diagrams, Cockpit), and the SME API shows the step alone
 * (CaseReference.stepOf); only tasks of a candidate group (staff work) are named so.
 */
@Component
class TaskNames extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.addAfterParse(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                if (!definition.getCandidateGroupIdExpressions().isEmpty()) {
                    definition.addTaskListener(TaskListener.EVENTNAME_CREATE, TaskNames::name);
                }
            }
        });
    }

    static void name(DelegateTask task) {
        String businessKey = task.getExecution().getProcessBusinessKey();
        if (CaseReference.of(businessKey).isEmpty() || task.getName() == null) {
            return;
        }
        String name = CaseReference.taskName(task.getName(), businessKey, task.getVariable("companyName"));
        // The engine's column holds 255 characters; a long company name is cut, not refused.
        task.setName(name.length() > 255 ? cut(name, 254) + "…" : name);
    }

    /** At most this many characters, never half of a surrogate pair. */
    private static String cut(String text, int length) {
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }
}
