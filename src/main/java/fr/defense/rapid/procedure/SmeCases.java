package fr.defense.rapid.procedure;

import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.security.CurrentUser;
import fr.defense.rapid.system.NotFoundException;
import fr.defense.rapid.system.Pages;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/**
 * A procedure's cases as the SME API serves them, the same for dossiers and mediation cases:
 * submission through the start form (idempotent, as the SME), the SME's pages, one's own case or 404.
 */
public final class SmeCases<C extends OwnedCases.OwnedCase> {

    /** Starts a case as the SME, at most once per Idempotency-Key (DossierSubmissions, MediationRequests). */
    @FunctionalInterface
    public interface Submitter {
        IdempotentRequests.Outcome submit(String user, List<String> groups, String key, Map<String, Object> values);
    }

    private final FormDefinition startForm;
    private final Submitter submitter;
    private final OwnedCases<C> cases;
    private final String path;
    private final Function<String, String> notFound;

    /**
     * @param path     where the cases are served ({@code /api/dossiers}): a new case's Location
     * @param notFound the 404 message for a reference that is not among the SME's cases
     */
    public SmeCases(
            FormDefinition startForm,
            Submitter submitter,
            OwnedCases<C> cases,
            String path,
            Function<String, String> notFound) {
        this.startForm = startForm;
        this.submitter = submitter;
        this.cases = cases;
        this.path = path;
        this.notFound = notFound;
    }

    /** 201 with the new case's summary, or 200 with the one an earlier request with the same key created. */
    public <T> ResponseEntity<T> submit(
            Map<String, Object> body, String key, Authentication authentication, Function<C, T> summary) {
        IdempotentRequests.requireValidKey(startForm.id(), key);
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> values = startForm.accept(body);
        IdempotentRequests.Outcome outcome = submitter.submit(user.id(), user.groups(), key, values);
        C created = own(outcome.reference(), authentication);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create(path + "/" + outcome.reference()))
                .body(summary.apply(created));
    }

    /** The SME's cases, newest first. */
    public <T> CaseApi.Page<T> page(int page, int size, Authentication authentication, Function<C, T> summary) {
        Pages.requireValid(page, size);
        String owner = authentication.getName();
        List<T> items =
                cases.findByOwner(owner, page, size).stream().map(summary).toList();
        return new CaseApi.Page<>(items, page, size, cases.countByOwner(owner));
    }

    /** The case, if this user filed it; anybody else's reads as unknown (404, never 403: no oracle). */
    public C own(String reference, Authentication authentication) {
        return cases.find(reference)
                .filter(found -> found.ownerId().equals(authentication.getName()))
                .orElseThrow(() -> new NotFoundException(notFound.apply(reference)));
    }
}
