package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.ProcessOverlay;
import org.springframework.stereotype.Component;

/** The bottleneck map of a process. To be written (issue 13). */
@Component
class ProcessOverlays {

    ProcessOverlay overlay(String processKey, DashboardFilter filter) {
        throw new UnsupportedOperationException("not written yet");
    }

    String diagram(String processKey) {
        throw new UnsupportedOperationException("not written yet");
    }
}
