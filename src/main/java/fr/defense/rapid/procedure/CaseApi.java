package fr.defense.rapid.procedure;

import static fr.defense.rapid.system.EngineClock.utc;

import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.task.Task;

/**
 * What the SME API shows alike of RAPID dossiers and mediation cases: a page of cases, the steps in
 * progress and the timeline (the requests themselves: SmeCases).
 */
public final class CaseApi {

    private CaseApi() {}

    public record Page<T>(List<T> items, int page, int size, long totalItems) {}

    /** A step in progress (the activity's name, without the case that staff task names carry) and its due date. */
    public record CurrentStep(String name, OffsetDateTime dueDate) {}

    public record TimelineLine(OffsetDateTime at, String description) {}

    public static List<CurrentStep> currentSteps(List<Task> open) {
        return open.stream()
                .map(task -> new CurrentStep(CaseReference.stepOf(task.getName()), utc(task.getDueDate())))
                .toList();
    }

    public static List<TimelineLine> timeline(List<TimelineEntry> entries) {
        return entries.stream()
                .map(entry -> new TimelineLine(entry.occurredAt(), entry.description()))
                .toList();
    }
}
