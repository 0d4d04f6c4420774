package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.longDate;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.SubmittedFields.Field;
import fr.defense.rapid.mediation.CaseDeadlines;
import fr.defense.rapid.mediation.MediationCase;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.mediation.MediationRequest;
import fr.defense.rapid.system.EngineClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Mediation pages: the request (also the contest of a rejection, filled from the dossier) and the case. */
@Controller
@RequestMapping("/portail")
class MediationPages {

    private static final String REQUEST_MEDIATION = "request-mediation";

    private final OwnCases cases;
    private final DossierRepository dossiers;
    private final MediationRepository mediations;
    private final FormCatalog forms;
    private final OpenTasks openTasks;
    private final ScriptJson json;
    private final CaseDeadlines deadlines;

    MediationPages(
            OwnCases cases,
            DossierRepository dossiers,
            MediationRepository mediations,
            FormCatalog forms,
            OpenTasks openTasks,
            ScriptJson json,
            CaseDeadlines deadlines) {
        this.cases = cases;
        this.dossiers = dossiers;
        this.mediations = mediations;
        this.forms = forms;
        this.openTasks = openTasks;
        this.json = json;
        this.deadlines = deadlines;
    }

    @GetMapping("/mediations/nouvelle")
    String newMediation(@RequestParam(required = false) String dossier, Authentication user, Model model) {
        Map<String, Object> values = new LinkedHashMap<>();
        Dossier contested = null;
        if (dossier != null && !dossier.isBlank()) {
            contested = cases.dossier(dossier, user);
            values.putAll(contest(contested));
        } else {
            // The company's identity as the user's latest dossier gave it (his own: the contact is his), to save
            // typing.
            dossiers.findByOwners(Set.of(user.getName()), 0, 1).stream()
                    .findFirst()
                    .ifPresent(latest -> {
                        values.put("companySiren", latest.submission().companySiren());
                        values.put("companyName", latest.submission().companyName());
                        values.put("contactName", latest.submission().contactName());
                        values.put("contactEmail", latest.submission().contactEmail());
                    });
        }
        model.addAttribute("contested", contested);
        model.addAttribute("schema", json.of(forms.get(REQUEST_MEDIATION).schema()));
        model.addAttribute("values", json.of(values));
        return PortalView.render(model, user, "portal/mediation-new");
    }

    @GetMapping("/mediations/{caseNumber}")
    String mediation(
            @PathVariable String caseNumber,
            @RequestParam(required = false) String depose,
            @RequestParam(required = false) String reponse,
            Authentication user,
            Model model) {
        MediationCase found = cases.mediation(caseNumber, user);
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
        Set<String> company = cases.company(user);
        List<OpenTasks.OpenTask> tasks = openTasks.of(company, caseNumber);
        model.addAttribute(
                "tasks", tasks.stream().filter(task -> !task.optional()).toList());
        model.addAttribute(
                "choices", tasks.stream().filter(OpenTasks.OpenTask::optional).toList());
        model.addAttribute("ministrySteps", openTasks.ministrySteps(company, caseNumber));
        model.addAttribute("deadlines", deadlines(found));
        model.addAttribute("timeline", CaseTimeline.of(mediations.timeline(caseNumber), r.contactEmail()));
        return PortalView.render(model, user, "portal/mediation");
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

    /** The service's commitments and the case's deadlines, as the SME reads them. */
    private List<Field> deadlines(MediationCase found) {
        Map<String, String> labels = Map.of(
                "answerDueDate", "Réponse du service au plus tard le",
                "firstContactDueDate", "Premier contact au plus tard le",
                "mediationDueDate", "Fin de la médiation prévue le",
                "surveyDueDate", "Avis sur la médiation attendu avant le");
        Map<String, Date> set = deadlines.of(found);
        return CaseDeadlines.NAMES.stream()
                .filter(set::containsKey)
                .map(name -> Field.of(
                        labels.get(name),
                        longDate(set.get(name)
                                .toInstant()
                                .atZone(EngineClock.PARIS)
                                .toLocalDate())))
                .toList();
    }
}
