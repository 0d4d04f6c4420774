package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.WorkFigures;
import org.springframework.stereotype.Component;

/** Open and overdue staff tasks now. To be written (issue 13). */
@Component
class WorkDashboard {

    WorkFigures figures() {
        throw new UnsupportedOperationException("not written yet");
    }
}
