package fr.defense.rapid.staff;

import fr.defense.rapid.form.FormDisplayValues;
import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The staff file of the task's case, for its form: {@code dossier} for a RAPID task,
 * {@code mediation} for a mediation task (so {@code {{dossier.facts.requestedAid}}},
 * {@code {{#loop mediation.actions}}}), and the task's deadline as {@code taskDueDay}.
 */
@Component
class StaffFormDisplay implements FormDisplayValues {

    private final RuntimeService runtime;
    private final DossierFiles dossiers;
    private final MediationFiles mediations;

    StaffFormDisplay(RuntimeService runtime, DossierFiles dossiers, MediationFiles mediations) {
        this.runtime = runtime;
        this.dossiers = dossiers;
        this.mediations = mediations;
    }

    /** The task's deadline as a day in Paris (« 28 février 2027 »), as {@code {{taskDueDay}}}. */
    private static Map<String, Object> withDueDay(Map<String, Object> values, Task task) {
        if (task.getDueDate() == null) {
            return values;
        }
        Map<String, Object> with = new HashMap<>(values);
        with.put(
                "taskDueDay",
                FrenchFormat.longDate(
                        task.getDueDate().toInstant().atZone(EngineClock.PARIS).toLocalDate()));
        return with;
    }

    @Override
    public Map<String, Object> forTask(Task task) {
        if (task.getProcessInstanceId() == null) {
            return Map.of();
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult();
        Map<String, Object> values = CaseReference.of(instance == null ? null : instance.getBusinessKey())
                .<Map<String, Object>>map(reference -> switch (reference.procedure()) {
                    case RAPID ->
                        dossiers.of(reference.value())
                                .<Map<String, Object>>map(file -> Map.of("dossier", file))
                                .orElse(Map.of());
                    case MEDIATION ->
                        mediations
                                .of(reference.value())
                                .<Map<String, Object>>map(file -> Map.of("mediation", file))
                                .orElse(Map.of());
                })
                .orElse(Map.of());
        return values.isEmpty() ? values : withDueDay(values, task);
    }
}
