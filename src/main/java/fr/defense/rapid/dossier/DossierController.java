package fr.defense.rapid.dossier;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.defense.rapid.form.FormBody;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.procedure.CaseApi;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.procedure.SmeCases;
import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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

/** The SME's dossiers: submit, list, read with their timeline, withdraw. Only its company's. */
@RestController
@RequestMapping("/api/dossiers")
@Tag(name = "Dossiers RAPID", description = "Dépôt et suivi des dossiers de l'entreprise connectée")
class DossierController {

    private static final int WITHDRAWAL_ATTEMPTS = 3;

    private final SmeCases<Dossier> smeCases;
    private final DossierRepository dossiers;
    private final TaskService tasks;
    private final RuntimeService runtime;

    DossierController(
            DossierSubmissions submissions,
            DossierRepository dossiers,
            FormCatalog forms,
            TaskService tasks,
            RuntimeService runtime,
            CaseOwners owners) {
        this.smeCases = new SmeCases<>(
                forms.get(DossierSubmissions.START_FORM),
                submissions::submit,
                dossiers,
                owners,
                "/api/dossiers",
                number -> Messages.get("notFound.dossier", number));
        this.dossiers = dossiers;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    record DossierDetails(
            @JsonUnwrapped Dossier dossier,
            List<CaseApi.CurrentStep> currentSteps,
            List<CaseApi.TimelineLine> timeline) {}

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Dossier créé (en-tête Location : son adresse).")
    @ApiResponse(
            responseCode = "200",
            description = "Même Idempotency-Key et mêmes valeurs qu'un envoi précédent : le dossier qu'il a créé.")
    @Operation(
            summary = "Déposer un dossier",
            description =
                    "Champs du dictionnaire de données (docs/data-dictionary.md). Avec un en-tête Idempotency-Key, "
                            + "un même envoi répété rend le même dossier (200) au lieu d'en créer un second (201).")
    ResponseEntity<DossierSummary> submit(
            @RequestBody @FormBody(DossierSubmissions.START_FORM) Map<String, Object> body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            Authentication authentication) {
        return smeCases.submit(body, key, authentication, DossierSummary::of);
    }

    @GetMapping
    @Operation(summary = "Mes dossiers, du plus récent au plus ancien")
    CaseApi.Page<DossierSummary> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        return smeCases.page(page, size, authentication, DossierSummary::of);
    }

    @GetMapping("/{dossierNumber}")
    @Operation(summary = "Un de mes dossiers : champs, statut, échéances en cours et historique")
    DossierDetails get(@PathVariable String dossierNumber, Authentication authentication) {
        Dossier dossier = smeCases.own(dossierNumber, authentication);
        return new DossierDetails(
                dossier,
                CaseApi.currentSteps(tasks.createTaskQuery()
                        .processInstanceBusinessKey(dossierNumber)
                        .list()),
                CaseApi.timeline(dossiers.timeline(dossierNumber)));
    }

    @PostMapping("/{dossierNumber}/withdraw")
    @Operation(summary = "Retirer un de mes dossiers (possible jusqu'à la décision du comité)")
    DossierSummary withdraw(@PathVariable String dossierNumber, Authentication authentication) {
        if (smeCases.own(dossierNumber, authentication).status().closing()) {
            // Closed but still sending its last notification: the instance is not over yet.
            throw notWithdrawable(dossierNumber);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                runtime.createMessageCorrelation("RapidWithdrawalRequested")
                        .processInstanceBusinessKey(dossierNumber)
                        .correlateWithResult();
                return DossierSummary.of(smeCases.own(dossierNumber, authentication));
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
        return new ConflictException(Messages.get("refusal.notWithdrawable", dossierNumber));
    }
}
