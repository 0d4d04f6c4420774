package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.longDate;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.decision.DecisionExplanations;
import fr.defense.rapid.decision.ExpectedDecisionTime;
import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.SubmittedFields;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.mediation.MediationRequest;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import fr.defense.rapid.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The SME portal's pages. They only read, through the modules' public APIs, and only the
 * signed-in SME's own cases: another SME's number reads as unknown (« introuvable »), as in the
 * API. Every change goes through the SME API from the page's script (portal.js).
 */
@Controller
@RequestMapping("/portail")
class PortalController {

    private static final String SUBMIT_DOSSIER = "submit-dossier";
    private static final String REQUEST_MEDIATION = "request-mediation";
    private static final int LISTED = 100;

    private final DossierRepository dossiers;
    private final MediationRepository mediations;
    private final FormCatalog forms;
    private final OpenTasks openTasks;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Pieces pieces;
    private final DecisionExplanations explanations;
    private final ExpectedDecisionTime expectedTime;

    PortalController(
            DossierRepository dossiers,
            MediationRepository mediations,
            FormCatalog forms,
            OpenTasks openTasks,
            RuntimeService runtime,
            ObjectMapper json,
            Pieces pieces,
            DecisionExplanations explanations,
            ExpectedDecisionTime expectedTime) {
        this.dossiers = dossiers;
        this.mediations = mediations;
        this.forms = forms;
        this.openTasks = openTasks;
        this.runtime = runtime;
        this.json = json;
        this.pieces = pieces;
        this.explanations = explanations;
        this.expectedTime = expectedTime;
    }

    /** A row of the home page: a dossier or a case, where it stands and what comes next. */
    record CaseRow(String reference, String link, String title, StatusBadge badge, String filed, String next) {}

    @GetMapping
    String home(Authentication user, Model model) {
        String owner = user.getName();
        List<OpenTasks.OpenTask> tasks =
                openTasks.of(owner).stream().filter(task -> !task.optional()).toList();
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "dossiers",
                dossiers.findByOwner(owner, 0, LISTED).stream()
                        .map(d -> new CaseRow(
                                d.dossierNumber(),
                                "/portail/dossiers/" + d.dossierNumber(),
                                d.submission().projectTitle(),
                                StatusBadge.of(d.status()),
                                FrenchFormat.dateTime(d.submittedAt()),
                                next(owner, d.dossierNumber(), tasks, d.status().closing())))
                        .toList());
        model.addAttribute(
                "mediations",
                mediations.findByOwner(owner, 0, LISTED).stream()
                        .map(c -> new CaseRow(
                                c.caseNumber(),
                                "/portail/mediations/" + c.caseNumber(),
                                c.subjectLabel() + " — " + c.request().counterpartName(),
                                StatusBadge.of(c),
                                FrenchFormat.dateTime(c.filedAt()),
                                next(owner, c.caseNumber(), tasks, c.outcome() != null)))
                        .toList());
        return page(model, user, "portal/home");
    }

    /** What the applicant must do next, else what the ministry is doing, with its date. */
    private String next(String owner, String reference, List<OpenTasks.OpenTask> mine, boolean closed) {
        Optional<OpenTasks.OpenTask> task =
                mine.stream().filter(t -> reference.equals(t.reference())).findFirst();
        if (task.isPresent()) {
            return "À vous : " + task.get().name()
                    + (task.get().dueDate() == null
                            ? ""
                            : ", avant le " + task.get().dueDate());
        }
        if (closed) {
            return "Dossier clos : rien à faire.";
        }
        return openTasks.ministrySteps(owner, reference).stream()
                .findFirst()
                .map(step -> "Le ministère : " + step.name()
                        + (step.dueDate() == null ? "" : ", échéance le " + step.dueDate()))
                .orElse("En cours de traitement : rien à faire pour l'instant.");
    }

    @GetMapping("/dossiers/nouveau")
    String newDossier(Authentication user, Model model) throws Exception {
        model.addAttribute(
                "schema", json.writeValueAsString(forms.get(SUBMIT_DOSSIER).schema()));
        model.addAttribute("expectedTime", expectedTime.current().sentence());
        model.addAttribute("attachmentKinds", pieces.kinds());
        // The draft's files are listed by the page's script, from the draft API.
        model.addAttribute("attachments", List.of());
        return page(model, user, "portal/dossier-new");
    }

    @GetMapping("/dossiers/{dossierNumber}")
    String dossier(
            @PathVariable String dossierNumber,
            @RequestParam(required = false) String depose,
            @RequestParam(required = false) String reponse,
            @RequestParam(required = false) String retire,
            Authentication user,
            Model model)
            throws Exception {
        Dossier dossier = ownDossier(dossierNumber, user);
        model.addAttribute("dossier", dossier);
        model.addAttribute("badge", StatusBadge.of(dossier.status()));
        model.addAttribute("submitted", depose != null);
        model.addAttribute("answered", reponse != null);
        model.addAttribute("withdrawn", retire != null);
        model.addAttribute("sections", SubmittedFields.sections(forms.get(SUBMIT_DOSSIER), dossier.submission()));
        model.addAttribute("tasks", openTasks.of(user.getName(), dossierNumber));
        model.addAttribute("ministrySteps", openTasks.ministrySteps(user.getName(), dossierNumber));
        model.addAttribute(
                "timeline",
                CaseTimeline.of(
                        dossiers.timeline(dossierNumber), dossier.submission().contactEmail()));
        model.addAttribute("expectedTime", expectedTime.current().sentence());
        model.addAttribute("explanation", explanations.forDossier(dossierNumber).orElse(null));
        List<Pieces.File> files = pieces.ofDossier(dossierNumber);
        model.addAttribute("attachmentKinds", pieces.kinds());
        model.addAttribute("attachments", files);
        model.addAttribute("attachmentsJson", pieces.asJson(files));
        // The secretariat asked for complements: the pieces may be completed now.
        model.addAttribute("canAttach", dossier.status() == DossierStatus.AWAITING_COMPLEMENTS);
        model.addAttribute("withdrawable", withdrawable(dossier));
        model.addAttribute("contestUntil", contestDueDate(dossier).orElse(null));
        return page(model, user, "portal/dossier");
    }

    @GetMapping("/dossiers/{dossierNumber}/retrait")
    String withdrawal(@PathVariable String dossierNumber, Authentication user, Model model) {
        Dossier dossier = ownDossier(dossierNumber, user);
        if (!withdrawable(dossier)) {
            return "redirect:/portail/dossiers/" + dossierNumber;
        }
        model.addAttribute("dossier", dossier);
        return page(model, user, "portal/dossier-withdraw");
    }

    @GetMapping("/mediations/nouvelle")
    String newMediation(@RequestParam(required = false) String dossier, Authentication user, Model model)
            throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        Dossier contested = null;
        if (dossier != null && !dossier.isBlank()) {
            contested = ownDossier(dossier, user);
            values.putAll(contest(contested));
        } else {
            // The company's identity as its latest dossier gave it, to save typing.
            dossiers.findByOwner(user.getName(), 0, 1).stream().findFirst().ifPresent(latest -> {
                values.put("companySiren", latest.submission().companySiren());
                values.put("companyName", latest.submission().companyName());
                values.put("contactName", latest.submission().contactName());
                values.put("contactEmail", latest.submission().contactEmail());
            });
        }
        model.addAttribute("contested", contested);
        model.addAttribute(
                "schema", json.writeValueAsString(forms.get(REQUEST_MEDIATION).schema()));
        model.addAttribute("values", json.writeValueAsString(values));
        return page(model, user, "portal/mediation-new");
    }

    @GetMapping("/mediations/{caseNumber}")
    String mediation(
            @PathVariable String caseNumber,
            @RequestParam(required = false) String depose,
            @RequestParam(required = false) String reponse,
            Authentication user,
            Model model) {
        MediationCase found = mediations
                .find(caseNumber)
                .filter(c -> c.ownerId().equals(user.getName()))
                .orElseThrow(() -> new NotFoundException(caseNumber));
        MediationRequest r = found.request();
        model.addAttribute("mediation", found);
        model.addAttribute("badge", StatusBadge.of(found));
        model.addAttribute("submitted", depose != null);
        model.addAttribute("answered", reponse != null);
        List<Field> facts = new ArrayList<>();
        facts.add(Field.of("Objet", r.subject().label()));
        facts.add(Field.of("Partie concernée", r.counterpartName()));
        facts.add(Field.of("Référence du contrat", r.contractReference()));
        facts.add(Field.of("Dossier RAPID", r.dossierNumber()));
        facts.add(Field.of("Montant en jeu", euros(r.amountAtStakeEur())));
        facts.add(Field.of("Description", r.description()));
        facts.add(Field.of("Niveau de médiation", found.levelLabel()));
        if (found.lateInterestEur() != null) {
            facts.add(Field.of("Intérêts moratoires et indemnité dus", euros(found.lateInterestEur())));
        }
        model.addAttribute(
                "facts", facts.stream().filter(f -> f.value() != null).toList());
        List<OpenTasks.OpenTask> tasks = openTasks.of(user.getName(), caseNumber);
        model.addAttribute(
                "tasks", tasks.stream().filter(task -> !task.optional()).toList());
        model.addAttribute(
                "choices", tasks.stream().filter(OpenTasks.OpenTask::optional).toList());
        model.addAttribute("ministrySteps", openTasks.ministrySteps(user.getName(), caseNumber));
        model.addAttribute("timeline", CaseTimeline.of(mediations.timeline(caseNumber), r.contactEmail()));
        return page(model, user, "portal/mediation");
    }

    /** Where the security filters send a signed-in user who may not see the portal (staff), or a stale form. */
    @RequestMapping("/acces-refuse")
    String refused(HttpServletResponse response, Authentication user, Model model) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("title", "Accès refusé");
        model.addAttribute(
                "message",
                "Cet espace est réservé aux entreprises. Les agents du ministère travaillent dans Tasklist ; "
                        + "si vous êtes une entreprise, votre session a peut-être expiré : reconnectez-vous.");
        model.addAttribute("staffLink", true);
        return page(model, user, "portal/message");
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Authentication user, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "Dossier introuvable");
        model.addAttribute(
                "message",
                "Ce dossier est introuvable parmi ceux de votre entreprise. Vérifiez son numéro, "
                        + "ou retrouvez vos dossiers depuis la page d'accueil.");
        return page(model, user, "portal/message");
    }

    private Dossier ownDossier(String number, Authentication user) {
        return dossiers.find(number)
                .filter(d -> d.ownerId().equals(user.getName()))
                .orElseThrow(() -> new NotFoundException(number));
    }

    /** Possible until the committee decides (the API refuses it afterwards anyway). */
    private static boolean withdrawable(Dossier dossier) {
        return switch (dossier.status()) {
            case SUBMITTED, COMPLETENESS_CHECK, AWAITING_COMPLEMENTS, UNDER_EVALUATION, AWAITING_DECISION -> true;
            default -> false;
        };
    }

    /** A rejection may be contested while its process waits for it (until the date the letter gave). */
    private Optional<String> contestDueDate(Dossier dossier) {
        if (dossier.mediationCaseNumber() != null || dossier.processInstanceId() == null) {
            return Optional.empty();
        }
        ProcessInstance running = runtime.createProcessInstanceQuery()
                .processInstanceId(dossier.processInstanceId())
                .singleResult();
        if (running == null
                || !(runtime.getVariable(running.getId(), "contestDueDate") instanceof Date due)
                || due.toInstant().isBefore(EngineClock.now().toInstant())) {
            return Optional.empty();
        }
        return Optional.of(longDate(due.toInstant().atZone(EngineClock.PARIS).toLocalDate()));
    }

    /** The mediation request that contests a rejection, filled from the dossier. */
    private static Map<String, Object> contest(Dossier dossier) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("companySiren", dossier.submission().companySiren());
        values.put("companyName", dossier.submission().companyName());
        values.put("contactName", dossier.submission().contactName());
        values.put("contactEmail", dossier.submission().contactEmail());
        values.put("subject", "RAPID_DECISION");
        values.put("counterpartName", "Agence de l'innovation de défense — comité RAPID");
        values.put("dossierNumber", dossier.dossierNumber());
        values.put("amountAtStakeEur", dossier.submission().requestedAidEur());
        return values;
    }

    private static String page(Model model, Authentication user, String view) {
        model.addAttribute("userName", user == null ? null : user.getName());
        return view;
    }
}
