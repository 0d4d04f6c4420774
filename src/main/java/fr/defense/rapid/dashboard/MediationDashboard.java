package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.MediationFigures;
import org.springframework.stereotype.Component;

/** Mediation figures of the cases filed in the period. To be written (issue 13). */
@Component
class MediationDashboard {

    MediationFigures figures(DashboardFilter filter) {
        throw new UnsupportedOperationException("not written yet");
    }
}
