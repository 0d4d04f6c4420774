package fr.defense.rapid.procedure;

import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.security.CurrentUser;
import fr.defense.rapid.system.NotFoundException;
import fr.defense.rapid.system.Pages;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;

/**
 * A procedure's cases as the SME API serves them, the same for dossiers and mediation cases:
 * submission through the start form (idempotent, as the SME), the pages of the SME's company, one of
 * its cases or 404.
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
    private final CaseOwners owners;
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
            CaseOwners owners,
            String path,
            Function<String, String> notFound) {
        this.startForm = startForm;
        this.submitter = submitter;
        this.cases = cases;
        this.owners = owners;
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

    /** The cases of the SME's company, newest first. */
    public <T> CaseApi.Page<T> page(int page, int size, Authentication authentication, Function<C, T> summary) {
        Pages.requireValid(page, size);
        Set<String> company = owners.sharingWith(authentication.getName());
        List<T> items =
                cases.findByOwners(company, page, size).stream().map(summary).toList();
        return new CaseApi.Page<>(items, page, size, cases.countByOwners(company));
    }

    /**
     * The case, if this user or a colleague of his company filed it; anybody else's reads as unknown
     * (404, never 403: no oracle).
     */
    public C own(String reference, Authentication authentication) {
        return cases.find(reference)
                .filter(found -> owners.shares(authentication.getName(), found.ownerId()))
                .orElseThrow(() -> new NotFoundException(notFound.apply(reference)));
    }
}
