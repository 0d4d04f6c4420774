package fr.defense.rapid.dossier;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.Messages;
import org.springframework.stereotype.Component;

/** Rules of the submission form that its JSON cannot express. */
@Component
class SubmitDossierRules implements FormRules {

    @Override
    public String formId() {
        return "submit-dossier";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        CompanyContactRules.check(values, violations);
        Long total = values.longValue("totalCostEur");
        Long requested = values.longValue("requestedAidEur");
        Long personnel = values.longValue("personnelCostEur");
        if (total != null && requested != null && requested > total) {
            violations.add("requestedAidEur", Messages.get("rules.submit.aidAboveCost", requested, total));
        }
        if (total != null && personnel != null && personnel > total) {
            violations.add("personnelCostEur", Messages.get("rules.submit.personnelAboveCost", personnel, total));
        }
        Long trlStart = values.longValue("trlStart");
        Long trlTarget = values.longValue("trlTarget");
        if (trlStart != null && trlTarget != null && trlTarget < trlStart) {
            violations.add("trlTarget", Messages.get("rules.submit.trlBackwards", trlTarget, trlStart));
        }
    }
}
