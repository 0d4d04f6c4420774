package fr.defense.rapid.dashboard;

import static fr.defense.rapid.system.EngineClock.PARIS;

import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the weekly summary says, from the engine (runtime and history), on the engine clock:
 * the staff tasks overdue now, and the service commitments whose deadline fell in the week and was
 * missed. A commitment is a staff task that carries its deadline as due date (the models set
 * them from the settings): the mediation's answer and first contact, the level's mediation, the
 * technical evaluation. It is missed when the task was not completed before its due date: still
 * open, completed late, or ended by the deadline's own timer (an escalation).
 */
@Component
class WeeklySummaryFacts {

    /** At most this many overdue tasks are listed; the count says the rest, the dashboard shows them all. */
    static final int LISTED = 100;

    /** A task to act on: where it is in Tasklist, and the case's staff file. */
    record OverdueTask(String step, String reference, String due, String tasklistUrl, String fileUrl) {}

    /** A deadline of the week that was not met. */
    record MissedCommitment(
            String commitment,
            String reference,
            String step,
            String due,
            String done,
            String tasklistUrl,
            String fileUrl) {}

    record Facts(
            LocalDate monday,
            LocalDate sunday,
            long overdueTotal,
            List<OverdueTask> overdue,
            List<MissedCommitment> missed,
            String dashboardUrl) {}

    private final TaskService tasks;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final Map<String, String> commitments;

    WeeklySummaryFacts(
            TaskService tasks,
            HistoryService history,
            RuntimeService runtime,
            @Value("${rapid.mediation.answer-working-days}") int answerWorkingDays,
            @Value("${rapid.mediation.first-contact}") Period firstContact,
            @Value("${rapid.deadlines.evaluation-sla}") Duration evaluationSla) {
        this.tasks = tasks;
        this.history = history;
        this.runtime = runtime;
        // The delays the mail states are the settings', never numbers written here.
        this.commitments = Map.of(
                "QualifyRequest", "Réponse à la demande de médiation sous " + answerWorkingDays + " jours ouvrés",
                "ContactSme", "Premier contact avec l'entreprise sous " + FrenchFormat.period(firstContact),
                "ConductMediation", "Médiation menée dans le délai du niveau",
                "TechnicalEvaluation", "Évaluation technique sous " + FrenchFormat.duration(evaluationSla));
    }

    /** The summary of the week that starts on this Monday, with links under the portal's address. */
    Facts of(LocalDate monday, String portalUrl) {
        Date now = Date.from(EngineClock.now().toInstant());
        TaskQuery overdueQuery = tasks.createTaskQuery()
                .taskCandidateGroupIn(Groups.TASK_WORKERS)
                .includeAssignedTasks()
                .dueBefore(now);
        long overdueTotal = overdueQuery.count();
        // Oldest due first, as the dashboard lists them.
        List<Task> overdue = overdueQuery.orderByDueDate().asc().listPage(0, LISTED);
        Map<String, String> runningKeys = runtime
                .createProcessInstanceQuery()
                .processInstanceIds(ids(overdue.stream().map(Task::getProcessInstanceId)))
                .list()
                .stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
        List<OverdueTask> overdueTasks = overdue.stream()
                .map(task -> {
                    String reference = runningKeys.get(task.getProcessInstanceId());
                    return new OverdueTask(
                            CaseReference.stepOf(task.getName()),
                            reference,
                            day(task.getDueDate()),
                            tasklistUrl(portalUrl, task.getId()),
                            fileUrl(portalUrl, reference));
                })
                .toList();
        return new Facts(
                monday,
                monday.plusDays(6),
                overdueTotal,
                overdueTasks,
                missed(monday, now, portalUrl),
                portalUrl + "/dashboard");
    }

    private List<MissedCommitment> missed(LocalDate monday, Date now, String portalUrl) {
        Date start = Date.from(monday.atStartOfDay(PARIS).toInstant());
        Date end = Date.from(monday.plusWeeks(1).atStartOfDay(PARIS).toInstant());
        List<HistoricTaskInstance> due = history
                .createHistoricTaskInstanceQuery()
                .taskDefinitionKeyIn(commitments.keySet().toArray(String[]::new))
                .taskDueAfter(new Date(start.getTime() - 1))
                .taskDueBefore(end)
                .orderByTaskDueDate()
                .asc()
                .list()
                .stream()
                .filter(task -> !task.getDueDate().before(start)
                        && task.getDueDate().before(end)
                        && task.getDueDate().before(now))
                .filter(task -> task.getEndTime() == null || !task.getEndTime().before(task.getDueDate()))
                .toList();
        Map<String, String> keys = history
                .createHistoricProcessInstanceQuery()
                .processInstanceIds(ids(due.stream().map(HistoricTaskInstance::getProcessInstanceId)))
                .list()
                .stream()
                .collect(Collectors.toMap(
                        HistoricProcessInstance::getId, HistoricProcessInstance::getBusinessKey, (a, b) -> a));
        return due.stream()
                .map(task -> {
                    String reference = keys.get(task.getProcessInstanceId());
                    boolean open = task.getEndTime() == null;
                    return new MissedCommitment(
                            commitments.get(task.getTaskDefinitionKey()),
                            reference,
                            CaseReference.stepOf(task.getName()),
                            day(task.getDueDate()),
                            open ? null : done(task),
                            open ? tasklistUrl(portalUrl, task.getId()) : null,
                            fileUrl(portalUrl, reference));
                })
                .toList();
    }

    /** Completed late, or ended by the deadline (the case moved on without it). */
    private static String done(HistoricTaskInstance task) {
        String day = day(task.getEndTime());
        return "completed".equals(task.getDeleteReason()) ? "faite le " + day : "close sans suite le " + day;
    }

    /** A day as the mail writes it: « 3 mars 2026 », in Paris. */
    private static String day(Date at) {
        return FrenchFormat.longDate(at.toInstant().atZone(PARIS).toLocalDate());
    }

    private static Set<String> ids(Stream<String> ids) {
        Set<String> set = ids.collect(Collectors.toSet());
        // The engine refuses an empty id list: ask for one that cannot exist.
        return set.isEmpty() ? Set.of("-") : set;
    }

    static String tasklistUrl(String portalUrl, String taskId) {
        return portalUrl + "/camunda/app/tasklist/default/#/?task=" + taskId;
    }

    static String fileUrl(String portalUrl, String reference) {
        if (reference == null) {
            return null;
        }
        return portalUrl
                + (CaseReference.isMediation(reference) ? "/staff/mediations/" : "/staff/dossiers/")
                + reference;
    }
}
