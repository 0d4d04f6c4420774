package fr.defense.rapid.dossier;

import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.EmailAddresses;
import fr.defense.rapid.system.Messages;

/** The company and contact checks every SME form shares: a valid SIREN, a deliverable address. */
public final class CompanyContactRules {

    private CompanyContactRules() {}

    public static void check(FormValues values, Violations violations) {
        String siren = values.string("companySiren");
        if (siren != null && !Siren.isValid(siren)) {
            violations.add("companySiren", Messages.get("rules.company.siren", siren));
        }
        String email = values.string("contactEmail");
        if (email != null && !EmailAddresses.deliverable(email)) {
            violations.add("contactEmail", Messages.get("rules.company.email", email));
        }
    }
}
