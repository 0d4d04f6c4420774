package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.FilterOptions;
import fr.defense.rapid.dashboard.Figures.RapidFigures;
import org.springframework.stereotype.Component;

/** RAPID figures of DashboardFilter's cohort. To be written (issue 13). */
@Component
class RapidDashboard {

    RapidFigures figures(DashboardFilter filter) {
        throw new UnsupportedOperationException("not written yet");
    }

    FilterOptions options() {
        throw new UnsupportedOperationException("not written yet");
    }
}
