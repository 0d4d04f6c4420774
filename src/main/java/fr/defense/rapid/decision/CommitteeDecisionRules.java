package fr.defense.rapid.decision;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import org.springframework.stereotype.Component;

/** Approve with an amount within the proposal, or reject with a motivation (docs/procedures.md §2, stage 6). */
@Component
class CommitteeDecisionRules implements FormRules {

    static final int MIN_MOTIVATION_LENGTH = 20;

    @Override
    public String formId() {
        return "committee-decision";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        String decision = values.string("decision");
        if ("APPROVED".equals(decision)) {
            Long granted = values.longValue("grantedAidEur");
            Long proposed = values.longValue("proposedAidEur");
            if (granted == null || granted < 1) {
                violations.add("grantedAidEur", "indiquez le montant accordé (au moins 1 €).");
            } else if (proposed != null && granted > proposed) {
                violations.add("grantedAidEur", "le montant accordé (" + granted
                        + " €) ne peut pas dépasser le montant proposé (" + proposed + " €).");
            }
        } else if ("REJECTED".equals(decision)) {
            String motivation = values.string("decisionMotivation");
            if (motivation == null || motivation.strip().length() < MIN_MOTIVATION_LENGTH) {
                violations.add("decisionMotivation", "un rejet doit être motivé (" + MIN_MOTIVATION_LENGTH
                        + " caractères au moins) : la motivation est communiquée au déposant.");
            }
        }
    }
}
