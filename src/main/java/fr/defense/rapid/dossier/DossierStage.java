package fr.defense.rapid.dossier;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a dossier to a stage of the procedure and writes it in its timeline. Called from the
 * model, where the stage is visible: {@code ${dossierStage.enter(execution, 'UNDER_EVALUATION')}}.
 */
@Component
public class DossierStage {

    private final DossierRepository dossiers;

    public DossierStage(DossierRepository dossiers) {
        this.dossiers = dossiers;
    }

    public void enter(DelegateExecution execution, String status) {
        dossiers.changeStatus(execution.getProcessBusinessKey(), DossierStatus.valueOf(status));
    }
}
