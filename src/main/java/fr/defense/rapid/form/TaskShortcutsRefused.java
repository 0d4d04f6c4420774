package fr.defense.rapid.form;

import fr.defense.rapid.system.Messages;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A user task ends by completing its form. The engine also lets whoever may work a task end it
 * with a BPMN error or escalation (REST {@code /task/{id}/bpmnError}, {@code /bpmnEscalation}),
 * which sets variables without the form's rules and leaves through paths the models do not
 * offer (a case escalated without a report, a branch silently ended): our models have no such
 * path, so these commands are refused for every task.
 */
final class TaskShortcutsRefused extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
            throw new BadUserRequestException(Messages.get("refusal.taskShortcut"));
        }
        return next.execute(command);
    }
}
