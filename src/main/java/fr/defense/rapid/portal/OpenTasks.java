package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.longDate;

import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.system.EngineClock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What is waiting for the SME (its company's tasks, whichever colleague filed the case) and for the
 * ministry (the other open steps) on its cases. {@code company}: the users whose tasks the signed-in
 * user works on ({@link fr.defense.rapid.procedure.CaseOwners}).
 */
@Component
class OpenTasks {

    /**
     * A task as the portal lists it: what to do, on which case, by when (« 12 janvier 2027 »), and
     * whether it is a choice the applicant always has (withdrawing a mediation request) rather than
     * something the ministry waits for.
     */
    record OpenTask(String id, String name, String reference, String dueDate, boolean overdue, boolean optional) {}

    /** Tasks that stay open for the whole case as an option: never listed as « expected from you ». */
    private static final Set<String> STANDING_CHOICES = Set.of("WithdrawCase");

    private final TaskService tasks;
    private final RuntimeService runtime;

    OpenTasks(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The company's open tasks, the most urgent first. */
    List<OpenTask> of(Set<String> company) {
        List<Task> open = tasks.createTaskQuery()
                .taskAssigneeIn(company.toArray(String[]::new))
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .list();
        Set<String> ids = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> references = ids.isEmpty()
                ? Map.of()
                : runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                        .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        return open.stream()
                .map(task -> view(task, references.get(task.getProcessInstanceId())))
                .toList();
    }

    /** The company's open tasks on one case. */
    List<OpenTask> of(Set<String> company, String reference) {
        return tasks
                .createTaskQuery()
                .taskAssigneeIn(company.toArray(String[]::new))
                .processInstanceBusinessKey(reference)
                .orderByDueDate()
                .asc()
                .list()
                .stream()
                .map(task -> view(task, reference))
                .toList();
    }

    /** The steps the ministry is working on (the staff's tasks), named without the case. */
    List<OpenTask> ministrySteps(Set<String> company, String reference) {
        return tasks.createTaskQuery().processInstanceBusinessKey(reference).list().stream()
                .filter(task -> task.getAssignee() == null || !company.contains(task.getAssignee()))
                .map(task -> view(task, reference))
                .toList();
    }

    private static OpenTask view(Task task, String reference) {
        Date due = task.getDueDate();
        return new OpenTask(
                task.getId(),
                CaseReference.stepOf(task.getName()),
                reference,
                due == null
                        ? null
                        : longDate(due.toInstant().atZone(EngineClock.PARIS).toLocalDate()),
                due != null && EngineClock.now().toInstant().isAfter(due.toInstant()),
                STANDING_CHOICES.contains(task.getTaskDefinitionKey()));
    }
}
