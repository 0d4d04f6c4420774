package fr.defense.rapid.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The dashboard's page: its figures come from DashboardApi, drawn by the page's script
 * (src/main/frontend/dashboard.js). The filter is the page's query string, so that a filtered view
 * can be bookmarked and sent; it is shown as asked, even when wrong: the API refuses it in French
 * and the page shows why.
 */
@Controller
class DashboardPage {

    private final IdentityService identity;

    DashboardPage(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) String category,
            Principal user,
            Model model) {
        DashboardFilter defaults = DashboardFilter.lastTwelveMonths();
        FormValues filter = new FormValues(
                orElse(from, defaults.from().toString()),
                orElse(to, defaults.to().toString()),
                orElse(stage, ""),
                orElse(region, ""),
                orElse(category, ""));
        model.addAttribute("from", filter.from());
        model.addAttribute("to", filter.to());
        model.addAttribute("stage", filter.stage());
        model.addAttribute("region", filter.region());
        model.addAttribute("category", filter.category());
        model.addAttribute("exportQuery", filter.query());
        model.addAttribute("userName", displayName(user));
        return "dashboard/dashboard";
    }

    /** Signed in, but neither a manager nor an administrator. */
    @GetMapping(DashboardSecurity.REFUSAL)
    String refused(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        model.addAttribute("service", "Tableau de bord");
        model.addAttribute("tagline", "Procédures PME : RAPID et médiation — mission achats");
        model.addAttribute(
                "reasons",
                List.of(
                        "Le tableau de bord est réservé à la mission achats (gestionnaires) et aux administrateurs.",
                        "Si vous pensez devoir y accéder, demandez à un administrateur de vous ajouter au groupe des "
                                + "gestionnaires."));
        model.addAttribute("tasklist", true);
        return "staff/refused";
    }

    private String displayName(Principal user) {
        if (user == null) {
            return null;
        }
        User known = identity.createUserQuery().userId(user.getName()).singleResult();
        if (known == null) {
            return user.getName();
        }
        return (nullToEmpty(known.getFirstName()) + " " + nullToEmpty(known.getLastName())).strip();
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** The filter as the form shows it. */
    record FormValues(String from, String to, String stage, String region, String category) {

        /** The filter as a query string ({@code ?from=…}), for the export links. */
        String query() {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("from", from);
            parameters.put("to", to);
            parameters.put("stage", stage);
            parameters.put("region", region);
            parameters.put("category", category);
            UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
            parameters.forEach((name, value) -> {
                if (!value.isEmpty()) {
                    uri.queryParam(name, value);
                }
            });
            return uri.encode().build().toUriString();
        }
    }
}
