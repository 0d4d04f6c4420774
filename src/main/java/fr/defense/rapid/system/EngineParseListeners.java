package fr.defense.rapid.system;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Engine plugins that attach behaviour to the models as they are parsed (every version, at each load). */
public final class EngineParseListeners {

    private EngineParseListeners() {}

    /** Runs after the model's own listeners and those added before parsing (the form rules' first). */
    public static void addAfterParse(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPostBPMNParseListeners().add(listener);
    }
}
