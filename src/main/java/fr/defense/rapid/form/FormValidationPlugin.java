package fr.defense.rapid.form;

import fr.defense.rapid.system.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Puts server-side validation on every form of every deployed process: each user task and each
 * top-level start event with a {@code camunda:formRef} gets a listener that validates the values
 * against that form before the engine accepts them. Done at parse time so that no model can
 * forget it, and a {@code formRef} naming no file of {@code forms/} fails the deployment.
 */
@Component
public class FormValidationPlugin extends AbstractProcessEnginePlugin {

    /** Transient mark of a task completion, read by the activity's end listener. */
    static final String COMPLETED_FORM = VariableChanges.INTERNAL_PREFIX + "completedForm";

    private final FormValidator validator;

    public FormValidationPlugin(FormValidator validator) {
        this.validator = validator;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new ParseListener());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new TaskShortcutsRefused());
    }

    private final class ParseListener extends AbstractBpmnParseListener {

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            String formId = formRef(element);
            if (formId != null && scope instanceof ProcessDefinitionEntity) {
                // Composed (NFC) first, so that lengths are checked on what is stored.
                ExecutionListener validate = execution -> {
                    execution.setVariables(validator.composedText(formId, execution.getVariables()));
                    validator.requireValid(formId, execution.getVariables());
                };
                activity.addListener(ExecutionListener.EVENTNAME_START, validate);
            }
        }

        /**
         * The engine wraps whatever a task listener throws into a generic 500 error, so the
         * {@code complete} listener only marks the completion; the activity's {@code end} listener
         * then applies the form's rules, refuses any change outside the form made by this
         * completion (see VariableChanges), and throws our exception as it
         * is (REST and Tasklist answer 400 with its message). Cancellations (timers, withdrawal)
         * carry no mark and are not validated.
         */
        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String formId = formRef(element);
            if (formId == null) {
                return;
            }
            Set<String> fields = validator.catalog().get(formId).fields().stream()
                    .map(FormField::key)
                    .collect(Collectors.toSet());
            TaskDefinition task = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            task.addTaskListener(
                    TaskListener.EVENTNAME_COMPLETE,
                    completed -> completed
                            .getExecution()
                            .setVariableLocal(COMPLETED_FORM, Variables.stringValue(formId, true)));
            activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution -> {
                if (formId.equals(execution.getVariableLocal(COMPLETED_FORM))) {
                    Map<String, Object> values = execution.getVariables();
                    Map<String, String> composed = validator.composedText(formId, values);
                    values.putAll(composed);
                    List<FieldViolation> violations = new ArrayList<>(validator.validate(formId, values));
                    violations.addAll(VariableChanges.outsideTheForm(execution.getProcessInstanceId(), fields));
                    if (!violations.isEmpty()) {
                        throw validator.refusal(formId, violations);
                    }
                    execution.setVariables(composed);
                }
            });
        }

        private String formRef(Element element) {
            String formId = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            if (formId != null && validator.catalog().find(formId).isEmpty()) {
                throw new IllegalStateException(
                        "formRef '" + formId + "' of '" + element.attribute("id") + "' names no form of forms/");
            }
            return formId;
        }
    }
}
