package fr.defense.rapid.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * The identity changes made by someone signed in (Camunda Admin, the engine REST API: a user created
 * or deleted, a user put in or taken out of a group) into the account audit log, with the client's
 * address, which the engine's own user operation log does not keep. The engine writes that log for
 * identity operations whenever a user is authenticated; this handler reads the same events, in the
 * same transaction, so an operation that rolls back leaves no line. Our own account pages record
 * their events themselves (they act with no engine authentication, so the engine logs nothing).
 */
@Component
class IdentityOperationAudit extends AbstractProcessEnginePlugin implements HistoryEventHandler {

    private final AccountAudit audit;
    private final ThreadLocal<UserOperationLogEntryEventEntity> membershipUser = new ThreadLocal<>();

    IdentityOperationAudit(AccountAudit audit) {
        this.audit = audit;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // Added to the handlers, never in place of them: the engine's database handler stays first.
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        handlers.add(this);
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    /**
     * The engine hands an operation's entries one by one, one per property: a user's {@code userId};
     * a membership's {@code userId}, then its {@code groupId} (the same operation id), written together.
     */
    @Override
    public void handleEvent(HistoryEvent event) {
        if (!(event instanceof UserOperationLogEntryEventEntity entry) || !isIdentity(entry.getEntityType())) {
            return;
        }
        AccountEventKind kind = kind(entry.getEntityType(), entry.getOperationType());
        if (kind == null) {
            return;
        }
        String value = entry.getNewValue() != null ? entry.getNewValue() : entry.getOrgValue();
        if (EntityTypes.USER.equals(entry.getEntityType())) {
            if ("userId".equals(entry.getProperty())) {
                audit.record(kind, value, entry.getUserId(), "Camunda (administration)");
            }
        } else if ("userId".equals(entry.getProperty())) {
            membershipUser.set(entry);
        } else if ("groupId".equals(entry.getProperty())) {
            UserOperationLogEntryEventEntity user = membershipUser.get();
            membershipUser.remove();
            boolean same = user != null && Objects.equals(user.getOperationId(), entry.getOperationId());
            audit.record(
                    kind,
                    same ? (user.getNewValue() != null ? user.getNewValue() : user.getOrgValue()) : null,
                    entry.getUserId(),
                    "Groupe " + value);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private static boolean isIdentity(String entityType) {
        return EntityTypes.USER.equals(entityType) || EntityTypes.GROUP_MEMBERSHIP.equals(entityType);
    }

    private static AccountEventKind kind(String entityType, String operationType) {
        boolean membership = EntityTypes.GROUP_MEMBERSHIP.equals(entityType);
        return switch (operationType) {
            case UserOperationLogEntry.OPERATION_TYPE_CREATE ->
                membership ? AccountEventKind.GROUP_MEMBERSHIP_ADDED : AccountEventKind.USER_CREATED;
            case UserOperationLogEntry.OPERATION_TYPE_DELETE ->
                membership ? AccountEventKind.GROUP_MEMBERSHIP_REMOVED : AccountEventKind.USER_DELETED;
            case UserOperationLogEntry.OPERATION_TYPE_UPDATE -> membership ? null : AccountEventKind.USER_UPDATED;
            default -> null;
        };
    }
}
