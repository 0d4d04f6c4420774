package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.longDate;

import fr.defense.rapid.decision.DecisionExplanations;
import fr.defense.rapid.decision.ExpectedDecisionTime;
import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.SubmittedFields;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A RAPID dossier's pages: the start form with its draft and pieces, the dossier (tasks, status,
 * decision, why the machine decided, pieces, history, data) and the withdrawal's confirmation.
 */
@Controller
@RequestMapping("/portail")
class DossierPages {

    private static final String SUBMIT_DOSSIER = "submit-dossier";

    private final OwnCases cases;
    private final DossierRepository dossiers;
    private final FormCatalog forms;
    private final OpenTasks openTasks;
    private final RuntimeService runtime;
    private final ScriptJson json;
    private final Pieces pieces;
    private final DecisionExplanations explanations;
    private final ExpectedDecisionTime expectedTime;

    DossierPages(
            OwnCases cases,
            DossierRepository dossiers,
            FormCatalog forms,
            OpenTasks openTasks,
            RuntimeService runtime,
            ScriptJson json,
            Pieces pieces,
            DecisionExplanations explanations,
            ExpectedDecisionTime expectedTime) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.forms = forms;
        this.openTasks = openTasks;
        this.runtime = runtime;
        this.json = json;
        this.pieces = pieces;
        this.explanations = explanations;
        this.expectedTime = expectedTime;
    }

    @GetMapping("/dossiers/nouveau")
    String newDossier(Authentication user, Model model) {
        model.addAttribute("schema", json.of(forms.get(SUBMIT_DOSSIER).schema()));
        model.addAttribute("expectedTime", expectedTime.current().sentence());
        model.addAttribute("attachmentKinds", pieces.kinds());
        // The draft's files are listed by the page's script, from the draft API.
        model.addAttribute("attachments", List.of());
        return PortalView.render(model, user, "portal/dossier-new");
    }

    @GetMapping("/dossiers/{dossierNumber}")
    String dossier(
            @PathVariable String dossierNumber,
            @RequestParam(required = false) String depose,
            @RequestParam(required = false) String reponse,
            @RequestParam(required = false) String retire,
            Authentication user,
            Model model) {
        Dossier dossier = cases.dossier(dossierNumber, user);
        model.addAttribute("dossier", dossier);
        model.addAttribute("badge", StatusBadge.of(dossier.status()));
        model.addAttribute("submitted", depose != null);
        model.addAttribute("answered", reponse != null);
        model.addAttribute("withdrawn", retire != null);
        model.addAttribute("sections", SubmittedFields.sections(forms.get(SUBMIT_DOSSIER), dossier.submission()));
        Set<String> company = cases.company(user);
        model.addAttribute("tasks", openTasks.of(company, dossierNumber));
        model.addAttribute("ministrySteps", openTasks.ministrySteps(company, dossierNumber));
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
        model.addAttribute("decision", decision(dossier));
        model.addAttribute("withdrawable", withdrawable(dossier));
        model.addAttribute("contestUntil", contestDueDate(dossier).orElse(null));
        return PortalView.render(model, user, "portal/dossier");
    }

    @GetMapping("/dossiers/{dossierNumber}/retrait")
    String withdrawal(@PathVariable String dossierNumber, Authentication user, Model model) {
        Dossier dossier = cases.dossier(dossierNumber, user);
        if (!withdrawable(dossier)) {
            return "redirect:/portail/dossiers/" + dossierNumber;
        }
        model.addAttribute("dossier", dossier);
        return PortalView.render(model, user, "portal/dossier-withdraw");
    }

    /** The committee's decision as the applicant reads it, once taken. */
    private static List<Field> decision(Dossier dossier) {
        if (dossier.decision() == null) {
            return List.of();
        }
        boolean approved = "APPROVED".equals(dossier.decision());
        List<Field> facts = new ArrayList<>();
        facts.add(Field.of("Décision du comité", approved ? "Aide accordée" : "Dossier rejeté"));
        facts.add(Field.of("Décidée le", FrenchFormat.dateTime(dossier.decidedAt())));
        if (approved) {
            facts.add(Field.of("Montant de l'aide accordée", euros(dossier.grantedAidEur())));
        }
        facts.add(Field.of("Motivation", dossier.decisionMotivation()));
        return facts.stream().filter(f -> f.value() != null).toList();
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
}
