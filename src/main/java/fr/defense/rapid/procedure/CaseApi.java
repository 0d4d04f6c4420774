package fr.defense.rapid.procedure;

import static fr.defense.rapid.system.EngineClock.utc;

import fr.defense.rapid.system.NotFoundException;
import fr.defense.rapid.system.Pages;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the SME API answers alike for RAPID dossiers and mediation cases: a submission (201, or 200
 * when an Idempotency-Key was already served), a page of one's cases, one's own case or 404, the
 * steps in progress and the timeline.
 */
public final class CaseApi {

    private CaseApi() {}

    public record Page<T>(List<T> items, int page, int size, long totalItems) {}

    /** A step in progress and the date it is expected by. */
    public record CurrentStep(String name, OffsetDateTime dueDate) {}

    public record TimelineLine(OffsetDateTime at, String description) {}

    /** 201 with the new case, or 200 with the case an earlier request with the same key created. */
    static <T> ResponseEntity<T> submitted(IdempotentRequests.Outcome outcome, String location, T body) {
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(location))
                .body(body);
    }

    static <C extends OwnedCases.OwnedCase, T> Page<T> page(
            OwnedCases<C> cases, String owner, int page, int size, Function<C, T> summary) {
        Pages.requireValid(page, size);
        List<T> items =
                cases.findByOwner(owner, page, size).stream().map(summary).toList();
        return new Page<>(items, page, size, cases.countByOwner(owner));
    }

    /** The case, if this user filed it; anybody else's reads as unknown (404, never 403: no oracle). */
    static <C extends OwnedCases.OwnedCase> C own(
            OwnedCases<C> cases, String reference, String user, String notFoundMessage) {
        return cases.find(reference)
                .filter(found -> found.ownerId().equals(user))
                .orElseThrow(() -> new NotFoundException(notFoundMessage));
    }

    public static List<CurrentStep> currentSteps(List<Task> open) {
        return open.stream()
                .map(task -> new CurrentStep(task.getName(), utc(task.getDueDate())))
                .toList();
    }

    public static List<TimelineLine> timeline(List<TimelineEntry> entries) {
        return entries.stream()
                .map(entry -> new TimelineLine(entry.occurredAt(), entry.description()))
                .toList();
    }
}
