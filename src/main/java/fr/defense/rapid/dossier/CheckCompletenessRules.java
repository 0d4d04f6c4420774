package fr.defense.rapid.dossier;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import org.springframework.stereotype.Component;

/** An incomplete dossier must say what is missing: the SME receives that list. */
@Component
class CheckCompletenessRules implements FormRules {

    @Override
    public String formId() {
        return "check-completeness";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        String missing = values.string("missingItems");
        if ("INCOMPLETE".equals(values.string("completenessOutcome")) && (missing == null || missing.isBlank())) {
            violations.add("missingItems", "précisez les pièces ou informations manquantes à demander au déposant.");
        }
    }
}
