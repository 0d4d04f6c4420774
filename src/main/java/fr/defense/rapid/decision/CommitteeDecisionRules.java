package fr.defense.rapid.decision;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.Messages;
import org.springframework.stereotype.Component;

/**
 * An approval grants at most what was proposed (docs/procedures.md §2, stage 6). What each decision
 * requires (an amount, or a motivation of 20 characters) is in {@code committee-decision.form}: its
 * fields are required when shown.
 */
@Component
class CommitteeDecisionRules implements FormRules {

    @Override
    public String formId() {
        return "committee-decision";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        if (!"APPROVED".equals(values.string("decision"))) {
            return;
        }
        Long granted = values.longValue("grantedAidEur");
        Long proposed = values.longValue("proposedAidEur");
        if (granted != null && proposed != null && granted > proposed) {
            violations.add("grantedAidEur", Messages.get("rules.decision.grantedAboveProposed", granted, proposed));
        }
    }
}
