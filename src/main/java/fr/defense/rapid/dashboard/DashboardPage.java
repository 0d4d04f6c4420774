package fr.defense.rapid.dashboard;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's page: its figures come from DashboardApi, drawn by the page's script. */
@Controller
class DashboardPage {

    @GetMapping({"/dashboard", "/dashboard/"})
    String dashboard(Model model) {
        return "dashboard/dashboard";
    }

    /** Signed in, but neither a manager nor an administrator. */
    @GetMapping(DashboardSecurity.REFUSAL)
    String refused(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "dashboard/refused";
    }
}
