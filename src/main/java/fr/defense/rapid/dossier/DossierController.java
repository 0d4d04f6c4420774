package fr.defense.rapid.dossier;

import static fr.defense.rapid.system.EngineClock.utc;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.security.CurrentUser;
import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.IdempotentRequests;
import fr.defense.rapid.system.NotFoundException;
import fr.defense.rapid.system.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The SME's dossiers: submit, list, read with their timeline, withdraw. Only one's own. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers RAPID", description = "Dépôt et suivi des dossiers de l'entreprise connectée")
class DossierController {

    private static final int WITHDRAWAL_ATTEMPTS = 3;

    private final DossierSubmissions submissions;
    private final DossierRepository dossiers;
    private final FormCatalog forms;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DossierController(DossierSubmissions submissions, DossierRepository dossiers, FormCatalog forms,
                      TaskService tasks, RuntimeService runtime) {
        this.submissions = submissions;
        this.dossiers = dossiers;
        this.forms = forms;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    record DossierSummary(String dossierNumber, String projectTitle, DossierStatus status, String statusLabel,
                          OffsetDateTime submittedAt) {
        static DossierSummary of(Dossier d) {
            return new DossierSummary(d.dossierNumber(), d.submission().projectTitle(), d.status(), d.statusLabel(),
                    d.submittedAt());
        }
    }

    record DossierPage(List<DossierSummary> items, int page, int size, long totalItems) {
    }

    /** A step in progress and the date it is expected by. */
    record CurrentStep(String name, OffsetDateTime dueDate) {
    }

    record TimelineEntry(OffsetDateTime at, String description) {
    }

    record DossierDetails(@JsonUnwrapped Dossier dossier, List<CurrentStep> currentSteps, List<TimelineEntry> timeline) {
    }

    @PostMapping
    @Operation(summary = "Déposer un dossier",
            description = "Champs du dictionnaire de données (DOMAIN.md §4). Avec un en-tête Idempotency-Key, "
                    + "un même envoi répété rend le même dossier (200) au lieu d'en créer un second (201).")
    ResponseEntity<DossierSummary> submit(@RequestBody Map<String, Object> body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          Authentication authentication) {
        IdempotentRequests.requireValidKey(DossierSubmissions.START_FORM, key);
        CurrentUser user = CurrentUser.of(authentication);
        Map<String, Object> values = forms.get(DossierSubmissions.START_FORM).accept(body);
        IdempotentRequests.Outcome submitted = submissions.submit(user.id(), user.groups(), key, values);
        Dossier dossier = own(submitted.reference(), user);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/dossiers/" + dossier.dossierNumber()))
                .body(DossierSummary.of(dossier));
    }

    @GetMapping
    @Operation(summary = "Mes dossiers, du plus récent au plus ancien")
    DossierPage list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                     Authentication authentication) {
        Pages.requireValid(page, size);
        String owner = authentication.getName();
        List<DossierSummary> items = dossiers.findByOwner(owner, page, size).stream().map(DossierSummary::of).toList();
        return new DossierPage(items, page, size, dossiers.countByOwner(owner));
    }

    @GetMapping("/{dossierNumber}")
    @Operation(summary = "Un de mes dossiers : champs, statut, échéances en cours et historique")
    DossierDetails get(@PathVariable String dossierNumber, Authentication authentication) {
        Dossier dossier = own(dossierNumber, CurrentUser.of(authentication));
        List<CurrentStep> steps = tasks.createTaskQuery().processInstanceBusinessKey(dossierNumber).list().stream()
                .map(task -> new CurrentStep(task.getName(), utc(task.getDueDate())))
                .toList();
        List<TimelineEntry> timeline = dossiers.timeline(dossierNumber).stream()
                .map(event -> new TimelineEntry(event.occurredAt(), event.description()))
                .toList();
        return new DossierDetails(dossier, steps, timeline);
    }

    @PostMapping("/{dossierNumber}/withdraw")
    @Operation(summary = "Retirer un de mes dossiers (possible jusqu'à la décision du comité)")
    DossierSummary withdraw(@PathVariable String dossierNumber, Authentication authentication) {
        if (own(dossierNumber, CurrentUser.of(authentication)).status().closing()) {
            // Closed but still sending its last notification: the instance is not over yet.
            throw notWithdrawable(dossierNumber);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createMessageCorrelation("RapidWithdrawalRequested")
                        .processInstanceBusinessKey(dossierNumber)
                        .correlateWithResult();
                return DossierSummary.of(own(dossierNumber, CurrentUser.of(authentication)));
            } catch (MismatchingMessageCorrelationException notBeforeTheDecisionAnyMore) {
                throw notWithdrawable(dossierNumber);
            } catch (OptimisticLockingException movedOnMeanwhile) {
                // The job executor was moving the same dossier on (e.g. its acknowledgment): try again.
                if (attempt == WITHDRAWAL_ATTEMPTS) {
                    throw movedOnMeanwhile;
                }
            }
        }
    }

    private static ConflictException notWithdrawable(String dossierNumber) {
        return new ConflictException("Le dossier " + dossierNumber
                + " ne peut plus être retiré : la décision du comité est prise ou le dossier est clos.");
    }

    private Dossier own(String dossierNumber, CurrentUser user) {
        return dossiers.find(dossierNumber)
                .filter(dossier -> dossier.ownerId().equals(user.id()))
                .orElseThrow(() -> new NotFoundException("Aucun dossier " + dossierNumber + " parmi les vôtres."));
    }
}
