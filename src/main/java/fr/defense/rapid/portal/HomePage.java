package fr.defense.rapid.portal;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.mediation.MediationRepository;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.system.FrenchFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The SME's home page: its dossiers and cases, newest first, and what is expected of it; the refusal page. */
@Controller
@RequestMapping("/portail")
class HomePage {

    private static final int LISTED = 100;

    private final DossierRepository dossiers;
    private final MediationRepository mediations;
    private final OpenTasks openTasks;
    private final CaseOwners owners;

    HomePage(DossierRepository dossiers, MediationRepository mediations, OpenTasks openTasks, CaseOwners owners) {
        this.dossiers = dossiers;
        this.mediations = mediations;
        this.openTasks = openTasks;
        this.owners = owners;
    }

    /** A row of the home page: a dossier or a case, where it stands and what comes next. */
    record CaseRow(String reference, String link, String title, StatusBadge badge, String filed, String next) {}

    @GetMapping({"", "/"})
    String home(Authentication user, Model model) {
        Set<String> company = owners.sharingWith(user.getName());
        List<OpenTasks.OpenTask> tasks =
                openTasks.of(company).stream().filter(task -> !task.optional()).toList();
        model.addAttribute("tasks", tasks);
        model.addAttribute(
                "dossiers",
                dossiers.findByOwners(company, 0, LISTED).stream()
                        .map(d -> new CaseRow(
                                d.dossierNumber(),
                                "/portail/dossiers/" + d.dossierNumber(),
                                d.submission().projectTitle(),
                                StatusBadge.of(d.status()),
                                FrenchFormat.dateTime(d.submittedAt()),
                                next(
                                        company,
                                        d.dossierNumber(),
                                        tasks,
                                        d.status().closing())))
                        .toList());
        model.addAttribute(
                "mediations",
                mediations.findByOwners(company, 0, LISTED).stream()
                        .map(c -> new CaseRow(
                                c.caseNumber(),
                                "/portail/mediations/" + c.caseNumber(),
                                c.subjectLabel() + " — " + c.request().counterpartName(),
                                StatusBadge.of(c),
                                FrenchFormat.dateTime(c.filedAt()),
                                next(company, c.caseNumber(), tasks, c.outcome() != null)))
                        .toList());
        return PortalView.render(model, user, "portal/home");
    }

    /** What the applicant must do next, else what the ministry is doing, with its date. */
    private String next(Set<String> company, String reference, List<OpenTasks.OpenTask> mine, boolean closed) {
        Optional<OpenTasks.OpenTask> task =
                mine.stream().filter(t -> reference.equals(t.reference())).findFirst();
        if (task.isPresent()) {
            return "À vous : " + task.get().name()
                    + (task.get().dueDate() == null
                            ? ""
                            : ", avant le " + task.get().dueDate());
        }
        if (closed) {
            return "Clos : la page du dossier indique la décision et, le cas échéant, comment la contester.";
        }
        return openTasks.ministrySteps(company, reference).stream()
                .findFirst()
                .map(step -> "Le ministère : " + step.name()
                        + (step.dueDate() == null ? "" : ", échéance le " + step.dueDate()))
                .orElse("En cours de traitement : rien à faire pour l'instant.");
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
        return PortalView.render(model, user, "portal/message");
    }

    /** Any other address under the portal: a French page, not the API's problem document. */
    @GetMapping("/**")
    String unknown(HttpServletResponse response, Authentication user, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("title", "Page introuvable");
        model.addAttribute(
                "message",
                "Cette page n'existe pas. Vérifiez l'adresse, ou retrouvez vos dossiers depuis la page d'accueil.");
        return PortalView.render(model, user, "portal/message");
    }
}
