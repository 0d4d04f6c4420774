package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.security.Groups;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** What the end-to-end tests do on the engine's side, around what a user does in the browser. */
final class Staff {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final HistoryService history;

    Staff(RuntimeService runtime, TaskService tasks, IdentityService identity, HistoryService history) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.history = history;
    }

    /** Starts a process as this user (an SME through the API, in reality): the engine records it as the initiator. */
    ProcessInstance startAs(String user, String processKey, Map<String, Object> variables) {
        return as(user, () -> runtime.startProcessInstanceByKey(processKey, variables));
    }

    /** The engine, not the page, says the task was completed, and by whom. */
    void assertCompletedBy(Task task, String user) {
        HistoricTaskInstance done = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> history.createHistoricTaskInstanceQuery()
                                .taskId(task.getId())
                                .singleResult(),
                        historic -> historic.getEndTime() != null);
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo(user);
    }

    /** A process variable's value now, read from history so that it is there even once the instance has ended. */
    Object historicVariable(ProcessInstance instance, String name) {
        return history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    /** The open task of this instance, once the job executor has run the asynchronous steps before it. */
    Task awaitTask(ProcessInstance instance, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> tasks.createTaskQuery()
                                .processInstanceId(instance.getId())
                                .taskDefinitionKey(taskDefinitionKey)
                                .singleResult(),
                        Objects::nonNull);
    }

    /** A step the test does not look at in the browser, done by the right user through the engine. */
    void completeAs(String user, Task task, Map<String, Object> variables) {
        as(user, () -> {
            tasks.claim(task.getId(), user);
            tasks.complete(task.getId(), variables);
            return null;
        });
    }

    /** Acts as the user with its groups, so that Camunda's authorizations apply. */
    <T> T as(String user, Supplier<T> action) {
        identity.setAuthentication(user, Groups.of(identity, user));
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The name Tasklist's user menu shows. */
    String firstName(String user) {
        return identity.createUserQuery().userId(user).singleResult().getFirstName();
    }
}
