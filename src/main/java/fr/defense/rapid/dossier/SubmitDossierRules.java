package fr.defense.rapid.dossier;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
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
            violations.add(
                    "requestedAidEur",
                    "l'aide demandée (" + requested + " €) ne peut pas dépasser le coût total du projet (" + total
                            + " €).");
        }
        if (total != null && personnel != null && personnel > total) {
            violations.add(
                    "personnelCostEur",
                    "les frais de personnel (" + personnel + " €) ne peuvent pas dépasser le coût total du projet ("
                            + total + " €).");
        }
        Long trlStart = values.longValue("trlStart");
        Long trlTarget = values.longValue("trlTarget");
        if (trlStart != null && trlTarget != null && trlTarget < trlStart) {
            violations.add(
                    "trlTarget",
                    "le TRL visé (" + trlTarget + ") ne peut pas être inférieur au TRL de départ (" + trlStart + ").");
        }
    }
}
