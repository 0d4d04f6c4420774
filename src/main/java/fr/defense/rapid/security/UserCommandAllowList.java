package fr.defense.rapid.security;

import fr.defense.rapid.system.Messages;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a signed-in user other than an administrator may do to the engine, whichever door the
 * command comes through (engine REST API, the webapps' API, our SME API): read what its
 * authorizations show; claim a task for itself, or give back its own claim; complete a task
 * (Tasklist's submit-form included), under that task's form rules (FormValidationPlugin); start a
 * process, under its start form's rules (only {@code sme} may, and only through our API).
 *
 * <p>Everything else that writes (resolve, delegate, variables of any scope, identity links,
 * messages, signals, modifications, external tasks, jobs, users, filters…) is refused with a 403 and
 * rolled back. It is an allow-list of writers, checked on what the command actually changed: a
 * command that the engine adds later, or one nobody thought of, writes nothing unless it is listed.
 * Only the outermost command of an authenticated user is checked: the engine itself (the job
 * executor, our delegates and listeners inside a command) is not concerned.
 */
@Component
class UserCommandAllowList extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(UserCommandAllowList.class);

    private static final String CACHED_ENTITY_STATE = "cachedEntityState";

    /** Engine internals read on every checked command: looked up once; an engine without them fails at start-up. */
    private static final Field CACHED_COPY = accessible(CachedDbEntity.class, "copy");

    private static final Field CLAIMED_TASK = accessible(ClaimTaskCmd.class, "taskId");
    private static final Field CLAIMANT = accessible(ClaimTaskCmd.class, "userId");

    private static Field accessible(Class<?> type, String name) {
        try {
            Field field = type.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(
                    type.getSimpleName() + "." + name + " is gone: check UserCommandAllowList "
                            + "against this Camunda version",
                    e);
        }
    }

    static final String REFUSAL = Messages.get("refusal.engineWrite");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
    }

    /** Inside the command context (after it is opened, before it is flushed), so that it sees what the command changed. */
    private static final class Guard extends CommandInterceptor {

        private final ThreadLocal<Boolean> checking = ThreadLocal.withInitial(() -> false);

        @Override
        public <T> T execute(Command<T> command) {
            CommandContext context = Context.getCommandContext();
            Authentication user = context.getAuthentication();
            if (checking.get()
                    || user == null
                    || user.getUserId() == null
                    || context.getAuthorizationManager().isCamundaAdmin(user)) {
                return next.execute(command);
            }
            checking.set(true);
            try {
                if (command instanceof ClaimTaskCmd claim) {
                    requireOwnClaim(claim, context, user.getUserId());
                }
                T result = next.execute(command);
                requireAllowedWrites(command, context);
                return result;
            } finally {
                checking.set(false);
            }
        }

        /** Claim for oneself only; give back only one's own claim. */
        private static void requireOwnClaim(ClaimTaskCmd claim, CommandContext context, String user) {
            String taskId = field(claim, CLAIMED_TASK);
            String claimant = field(claim, CLAIMANT);
            TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            String assignee = task == null ? null : task.getAssignee();
            boolean own = claimant == null ? assignee == null || user.equals(assignee) : user.equals(claimant);
            if (!own) {
                log.warn("Refused the claim of task {} by {} for {}", taskId, user, claimant);
                throw new AuthorizationException(REFUSAL);
            }
        }

        private static void requireAllowedWrites(Command<?> command, CommandContext context) {
            if (command instanceof ClaimTaskCmd || command instanceof StartProcessInstanceCmd) {
                return;
            }
            Set<String> written = writes(context.getDbEntityManager());
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                // A completion ends its task; submit-form on a delegated task would resolve it instead.
                if (!written.contains(TaskEntity.class.getSimpleName() + " deleted")) {
                    log.warn(
                            "Refused {} of {}: it does not complete the task",
                            command.getClass().getSimpleName(),
                            context.getAuthentication().getUserId());
                    throw new AuthorizationException(REFUSAL);
                }
                return;
            }
            if (!written.isEmpty()) {
                log.warn(
                        "Refused {} of {}: it writes {}",
                        command.getClass().getSimpleName(),
                        context.getAuthentication().getUserId(),
                        written);
                throw new AuthorizationException(REFUSAL);
            }
        }

        /** What the command inserted, updated or deleted so far: nothing is written before the command ends. */
        private static Set<String> writes(DbEntityManager entities) {
            Set<String> written = new TreeSet<>();
            for (CachedDbEntity cached : entities.getDbEntityCache().getCachedEntities()) {
                DbEntityState state = cached.getEntityState();
                String type = cached.getEntityType().getSimpleName();
                if (state == DbEntityState.TRANSIENT) {
                    written.add(type + " inserted");
                } else if (state == DbEntityState.DELETED_TRANSIENT
                        || state == DbEntityState.DELETED_PERSISTENT
                        || state == DbEntityState.DELETED_MERGED) {
                    written.add(type + " deleted");
                } else if (state == DbEntityState.MERGED || cached.isDirty() && !onlyCacheChanged(cached)) {
                    written.add(type + " updated");
                }
            }
            if (!entities.getDbOperationManager().bulkOperations.isEmpty()
                    || !entities.getDbOperationManager()
                            .bulkOperationsInsertionOrder
                            .isEmpty()) {
                written.add("bulk operation");
            }
            return written;
        }

        /**
         * An execution keeps in its row a bit field of which child rows (tasks, variables, jobs…) it
         * has, recomputed whenever a read loads them: the engine then rewrites the row, though
         * nothing changed. That alone is not a write of the user's.
         */
        private static boolean onlyCacheChanged(CachedDbEntity cached) {
            try {
                if (CACHED_COPY.get(cached) instanceof Map<?, ?> before
                        && cached.getEntity().getPersistentState() instanceof Map<?, ?> after) {
                    Map<Object, Object> was = new HashMap<>(before);
                    Map<Object, Object> is = new HashMap<>(after);
                    was.remove(CACHED_ENTITY_STATE);
                    is.remove(CACHED_ENTITY_STATE);
                    return was.equals(is);
                }
                return false;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }

        /** The claim command keeps its arguments to itself; unreadable means refused. */
        private static String field(ClaimTaskCmd claim, Field field) {
            try {
                return (String) field.get(claim);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new AuthorizationException(REFUSAL);
            }
        }
    }
}
