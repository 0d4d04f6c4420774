package fr.defense.rapid.attachment;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.Messages;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The completeness check cannot call a dossier complete while a required piece is missing: the
 * secretariat asks for it instead (« Incomplet »). Applied by the engine at the task's completion
 * (FormValidationPlugin), so the task stays open and nothing changes.
 */
@Component
class CheckCompletenessRules implements FormRules {

    private final Attachments attachments;

    CheckCompletenessRules(Attachments attachments) {
        this.attachments = attachments;
    }

    @Override
    public String formId() {
        return "check-completeness";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        String dossierNumber = values.string("dossierNumber");
        if (!"COMPLETE".equals(values.string("completenessOutcome")) || dossierNumber == null) {
            return;
        }
        List<String> missing = attachments.missingRequired(dossierNumber);
        if (!missing.isEmpty()) {
            violations.add("completenessOutcome", Messages.get("attachment.completeness", String.join(" ; ", missing)));
        }
    }
}
