package fr.defense.rapid.evaluation;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.Messages;
import org.springframework.stereotype.Component;

/** An evaluation counts only if the expert declares having no conflict of interest. */
@Component
class TechnicalEvaluationRules implements FormRules {

    @Override
    public String formId() {
        return "technical-evaluation";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        if (!Boolean.TRUE.equals(values.bool("noConflictOfInterest"))) {
            violations.add("noConflictOfInterest", Messages.get("rules.evaluation.conflictOfInterest"));
        }
    }
}
