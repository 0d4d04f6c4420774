package fr.defense.rapid.form;

import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.Messages;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.CachedDbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityState;
import org.camunda.bpm.engine.impl.persistence.entity.ByteArrayEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * What a task's form may change: only its own fields. The variables that the completing command
 * created, changed or deleted are those its entity cache holds as new, dirty or deleted (the
 * engine writes nothing before the command ends); any of them outside the form is refused, so
 * that nobody completing a task (Tasklist, engine REST API) can slip in, say, the proposed aid or
 * the applicant. Changes the process itself made earlier, in other commands, are not counted: a
 * long-lived task (the SME's withdrawal, open while the mediation moves on) stays completable.
 */
final class VariableChanges {

    /** Our own bookkeeping variables, never counted. */
    static final String INTERNAL_PREFIX = "rapid.";

    private VariableChanges() {}

    /** A violation for each variable outside the form that this command created, changed or deleted. */
    static List<FieldViolation> outsideTheForm(String processInstanceId, Set<String> formFields) {
        return changedInThisCommand(processInstanceId).stream()
                .filter(name -> !formFields.contains(name) && !name.startsWith(INTERNAL_PREFIX))
                .map(name -> new FieldViolation(name, Messages.get("refusal.outsideTheForm")))
                .toList();
    }

    private static Set<String> changedInThisCommand(String processInstanceId) {
        DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
        Set<String> changed = new TreeSet<>();
        for (VariableInstanceEntity variable : cache.getEntitiesByType(VariableInstanceEntity.class)) {
            if (processInstanceId.equals(variable.getProcessInstanceId())
                    && (changed(cache, variable) || changed(cache, byteArrayOf(cache, variable)))) {
                changed.add(variable.getName());
            }
        }
        return changed;
    }

    /** Serialized and long values live in a byte array of their own, changed without the variable row. */
    private static ByteArrayEntity byteArrayOf(DbEntityCache cache, VariableInstanceEntity variable) {
        String id = variable.getByteArrayValueId();
        CachedDbEntity cached = id == null ? null : cache.getCachedEntity(ByteArrayEntity.class, id);
        return cached == null ? null : (ByteArrayEntity) cached.getEntity();
    }

    private static boolean changed(DbEntityCache cache, DbEntity entity) {
        if (entity == null) {
            return false;
        }
        CachedDbEntity cached = cache.getCachedEntity(entity);
        if (cached == null) {
            return false;
        }
        DbEntityState state = cached.getEntityState();
        return state != DbEntityState.PERSISTENT && state != DbEntityState.MERGED || cached.isDirty();
    }
}
