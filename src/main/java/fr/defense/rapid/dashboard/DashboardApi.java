package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.FilterOptions;
import fr.defense.rapid.dashboard.Figures.MediationFigures;
import fr.defense.rapid.dashboard.Figures.ProcessOverlay;
import fr.defense.rapid.dashboard.Figures.RapidFigures;
import fr.defense.rapid.dashboard.Figures.WorkFigures;
import fr.defense.rapid.system.NotFoundException;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's figures, one view per call (so that each can be measured and cached on its own):
 * {@code GET /dashboard/api/{rapid|work|mediation}}, the bottleneck map of a process, and the filter's
 * options. Filter parameters: {@code from}, {@code to} (ISO dates), {@code stage}, {@code region},
 * {@code category} (see DashboardFilter). Read-only; managers and administrators (DashboardSecurity).
 */
@RestController
@RequestMapping(value = "/dashboard/api", produces = MediaType.APPLICATION_JSON_VALUE)
class DashboardApi {

    static final Set<String> PROCESSES = Set.of("rapid-subsidy", "mediation-escalation");

    private final RapidDashboard rapid;
    private final WorkDashboard work;
    private final MediationDashboard mediation;
    private final ProcessOverlays overlays;

    DashboardApi(RapidDashboard rapid, WorkDashboard work, MediationDashboard mediation, ProcessOverlays overlays) {
        this.rapid = rapid;
        this.work = work;
        this.mediation = mediation;
        this.overlays = overlays;
    }

    @GetMapping("/rapid")
    ResponseEntity<RapidFigures> rapid(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category) {
        return fresh(rapid.figures(DashboardFilter.parse(from, to, stage, region, category)));
    }

    @GetMapping("/work")
    ResponseEntity<WorkFigures> work() {
        return fresh(work.figures());
    }

    @GetMapping("/mediation")
    ResponseEntity<MediationFigures> mediation(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category) {
        return fresh(mediation.figures(DashboardFilter.parse(from, to, stage, region, category)));
    }

    @GetMapping("/processes/{processKey}/overlay")
    ResponseEntity<ProcessOverlay> overlay(
            @PathVariable String processKey,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category) {
        return fresh(overlays.overlay(known(processKey), DashboardFilter.parse(from, to, stage, region, category)));
    }

    /** The process's latest BPMN XML, for bpmn-js to draw. */
    @GetMapping(value = "/processes/{processKey}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> diagram(@PathVariable String processKey) {
        return fresh(overlays.diagram(known(processKey)));
    }

    @GetMapping("/options")
    ResponseEntity<FilterOptions> options() {
        return fresh(rapid.options());
    }

    private static String known(String processKey) {
        if (!PROCESSES.contains(processKey)) {
            throw new NotFoundException("Procédure « " + processKey + " » inconnue du tableau de bord.");
        }
        return processKey;
    }

    /** Figures change at every step of a case: never served from a cache. */
    private static <T> ResponseEntity<T> fresh(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
