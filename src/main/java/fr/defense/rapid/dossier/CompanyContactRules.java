package fr.defense.rapid.dossier;

import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.EmailAddresses;

/** The company and contact checks every SME form shares: a valid SIREN, a deliverable address. */
public final class CompanyContactRules {

    private CompanyContactRules() {}

    public static void check(FormValues values, Violations violations) {
        String siren = values.string("companySiren");
        if (siren != null && !Siren.isValid(siren)) {
            violations.add(
                    "companySiren", "le numéro SIREN " + siren + " n'est pas valide (clé de contrôle incorrecte).");
        }
        String email = values.string("contactEmail");
        if (email != null && !EmailAddresses.deliverable(email)) {
            violations.add("contactEmail", "l'adresse « " + email + " » n'est pas une adresse électronique valide.");
        }
    }
}
