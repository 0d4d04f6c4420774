package fr.defense.rapid.e2e;

import static org.awaitility.Awaitility.await;

import fr.defense.rapid.security.Groups;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/** What the end-to-end tests do on the engine's side, around what a user does in the browser. */
final class Staff {

    private final TaskService tasks;
    private final IdentityService identity;

    Staff(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    /** The open task of this instance, once the job executor has run the asynchronous steps before it. */
    Task awaitTask(ProcessInstance instance, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> tasks.createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey(taskDefinitionKey).singleResult(),
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
