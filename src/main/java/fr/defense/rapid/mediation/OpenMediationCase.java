package fr.defense.rapid.mediation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code OpenMediationCase} (in {@code rapid-subsidy}): the SME contested the rejection within
 * the period; its request, received with the message {@code RapidDecisionContested}, starts a
 * {@code mediation-escalation} case by message, linked to the dossier and owned by its applicant.
 */
@Component
public class OpenMediationCase implements JavaDelegate {

    /** The contest's request, kept in one variable so that its fields cannot overwrite the dossier's own. */
    static final String CONTEST_REQUEST = "contestRequest";

    static final String START_MESSAGE = "MediationRequested";

    private final ObjectMapper json;

    public OpenMediationCase(ObjectMapper json) {
        this.json = json;
    }

    /** The request as the message carries it: JSON bytes, whatever the length of its texts. */
    static byte[] contestRequest(ObjectMapper json, Map<String, Object> values) {
        try {
            return json.writeValueAsBytes(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(DelegateExecution execution) throws IOException {
        Map<String, Object> request = new HashMap<>(json.readValue(
                (byte[]) execution.getVariable(CONTEST_REQUEST), new TypeReference<Map<String, Object>>() {}));
        request.put("subject", MediationSubject.RAPID_DECISION.name());
        request.put("dossierNumber", execution.getProcessBusinessKey());
        request.put("applicant", execution.getVariable("applicant"));
        execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(START_MESSAGE)
                .setVariables(request)
                .correlateStartMessage();
        execution.removeVariable(CONTEST_REQUEST);
    }
}
