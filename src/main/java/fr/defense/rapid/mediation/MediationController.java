package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.utc;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.defense.rapid.form.FormBody;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.procedure.CaseApi;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.procedure.SmeCases;
import fr.defense.rapid.system.Messages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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

/** The SME's mediation cases: file a request, list, read with deadlines, actions and timeline. Only its company's. */
@RestController
@RequestMapping("/api/mediations")
@Tag(
        name = "Médiation",
        description = "Saisine du correspondant PME et suivi des dossiers de médiation de l'entreprise connectée")
class MediationController {

    private final SmeCases<MediationCase> smeCases;
    private final MediationRepository cases;
    private final TaskService tasks;
    private final CaseDeadlines caseDeadlines;
    private final CaseOwners owners;

    MediationController(
            MediationRequests requests,
            MediationRepository cases,
            FormCatalog forms,
            TaskService tasks,
            CaseDeadlines caseDeadlines,
            CaseOwners owners) {
        this.smeCases = new SmeCases<>(
                forms.get(MediationRequests.START_FORM),
                requests::file,
                cases,
                owners,
                "/api/mediations",
                number -> Messages.get("notFound.mediation", number));
        this.cases = cases;
        this.tasks = tasks;
        this.caseDeadlines = caseDeadlines;
        this.owners = owners;
    }

    record CaseSummary(
            String caseNumber,
            String subject,
            String subjectLabel,
            int level,
            String statusLabel,
            MediationOutcome outcome,
            OffsetDateTime filedAt) {
        static CaseSummary of(MediationCase c) {
            return new CaseSummary(
                    c.caseNumber(),
                    c.request().subject().name(),
                    c.subjectLabel(),
                    c.level(),
                    c.statusLabel(),
                    c.outcome(),
                    c.filedAt());
        }
    }

    /** Something the SME can do now: its open task, with the form to fill. */
    record AvailableAction(String taskId, String name, String form, OffsetDateTime dueDate) {}

    record MediationAction(int level, LocalDate date, String counterpart, String summary) {}

    record CaseDetails(
            @JsonUnwrapped MediationCase mediationCase,
            List<String> lateInterestExplanation,
            Map<String, OffsetDateTime> deadlines,
            List<CaseApi.CurrentStep> currentSteps,
            List<AvailableAction> availableActions,
            List<MediationAction> mediationActions,
            List<CaseApi.TimelineLine> timeline) {}

    @PostMapping
    @ApiResponse(responseCode = "201", description = "Demande enregistrée (en-tête Location : son adresse).")
    @ApiResponse(
            responseCode = "200",
            description = "Même Idempotency-Key et mêmes valeurs qu'un envoi précédent : la demande qu'il a créée.")
    @Operation(
            summary = "Saisir la médiation",
            description =
                    "Champs du dictionnaire de données (docs/data-dictionary.md). Pour contester un rejet RAPID : sujet "
                            + "RAPID_DECISION et numéro du dossier, dans le délai de contestation (rapid.deadlines.contest-period, "
                            + "deux mois par défaut). Avec un en-tête Idempotency-Key, un même "
                            + "envoi répété rend la même demande (200) au lieu d'en créer une seconde (201).")
    ResponseEntity<CaseSummary> file(
            @RequestBody @FormBody(MediationRequests.START_FORM) Map<String, Object> body,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            Authentication authentication) {
        return smeCases.submit(body, key, authentication, CaseSummary::of);
    }

    @GetMapping
    @Operation(summary = "Mes dossiers de médiation, du plus récent au plus ancien")
    CaseApi.Page<CaseSummary> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Authentication authentication) {
        return smeCases.page(page, size, authentication, CaseSummary::of);
    }

    @GetMapping("/{caseNumber}")
    @Operation(
            summary =
                    "Un de mes dossiers de médiation : demande, niveau, échéances, actions possibles, issue et historique")
    CaseDetails get(@PathVariable String caseNumber, Authentication authentication) {
        MediationCase found = smeCases.own(caseNumber, authentication);
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .initializeFormKeys()
                .list();
        List<AvailableAction> actions = open.stream()
                .filter(task ->
                        task.getAssignee() != null && owners.shares(authentication.getName(), task.getAssignee()))
                .map(task -> new AvailableAction(
                        task.getId(), task.getName(), "/api/tasks/" + task.getId() + "/form", utc(task.getDueDate())))
                .toList();
        List<MediationAction> recorded = cases.actions(caseNumber).stream()
                .map(a -> new MediationAction(a.level(), a.actionDate(), a.counterpart(), a.summary()))
                .toList();
        List<String> explanation = found.lateInterestComputation() == null
                ? List.of()
                : Arrays.asList(found.lateInterestComputation().split("\n"));
        return new CaseDetails(
                found,
                explanation,
                deadlines(found),
                CaseApi.currentSteps(open),
                actions,
                recorded,
                CaseApi.timeline(cases.timeline(caseNumber)));
    }

    /** The deadlines of a running case; a closed case has none left. */
    private Map<String, OffsetDateTime> deadlines(MediationCase found) {
        return caseDeadlines.of(found).entrySet().stream()
                .collect(
                        Collectors.toMap(Map.Entry::getKey, entry -> utc(entry.getValue()), (a, b) -> a, TreeMap::new));
    }
}
