package fr.defense.rapid.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;

/**
 * Runs engine calls as a user with its groups, so that Camunda's authorizations apply and the engine
 * records who acted (a process's initiator, a task's completer), as when the user works in Tasklist.
 */
public final class ActingUser {

    private ActingUser() {}

    public static <T> T call(IdentityService identity, String user, List<String> groups, Supplier<T> action) {
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public static void run(IdentityService identity, String user, List<String> groups, Runnable action) {
        call(identity, user, groups, () -> {
            action.run();
            return null;
        });
    }
}
