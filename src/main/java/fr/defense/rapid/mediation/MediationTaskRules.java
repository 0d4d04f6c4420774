package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.today;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Rules of the mediation's task forms that their JSON cannot express: dates against today, one
 * renewal, the other party's agreement, a confirmed withdrawal. What each choice requires (which
 * fields, how long) is in the forms: their fields are required when shown.
 */
final class MediationTaskRules {

    private MediationTaskRules() {}

    @Component
    static class FirstContact implements FormRules {
        @Override
        public String formId() {
            return "contact-sme";
        }

        @Override
        public void check(FormValues values, Violations violations) {
            notInTheFuture(
                    values, violations, "firstContactDate", "le premier contact ne peut pas être daté du futur.");
        }
    }

    @Component
    static class Conduct implements FormRules {
        @Override
        public String formId() {
            return "conduct-mediation";
        }

        @Override
        public void check(FormValues values, Violations violations) {
            String step = values.string("mediationStep");
            if (step == null) {
                return;
            }
            switch (step) {
                case "RECORD_ACTION" ->
                    notInTheFuture(values, violations, "actionDate", "une action ne peut pas être datée du futur.");
                case "PROPOSE_RENEWAL" -> {
                    if (Boolean.TRUE.equals(values.bool("renewed"))) {
                        violations.add(
                                "mediationStep",
                                "la médiation a déjà été prolongée une fois : elle ne peut plus l'être.");
                    }
                    if (!Boolean.TRUE.equals(values.bool("counterpartAgreesToRenewal"))) {
                        violations.add(
                                "counterpartAgreesToRenewal",
                                "la prolongation suppose l'accord de la partie concernée.");
                    }
                }
                case "AGREEMENT" -> {
                    LocalDate execution = MediationRequest.date(values.get("agreementExecutionDate"));
                    if (execution != null && execution.isBefore(today())) {
                        violations.add("agreementExecutionDate", "la date d'exécution ne peut pas être passée.");
                    }
                }
                default -> {
                    // Refused by the form itself: not one of its options.
                }
            }
        }
    }

    @Component
    static class Withdraw implements FormRules {
        @Override
        public String formId() {
            return "withdraw-mediation";
        }

        @Override
        public void check(FormValues values, Violations violations) {
            if (!Boolean.TRUE.equals(values.bool("withdrawalConfirmed"))) {
                violations.add("withdrawalConfirmed", "cochez la case pour confirmer le retrait de votre demande.");
            }
        }
    }

    private static void notInTheFuture(FormValues values, Violations violations, String key, String message) {
        LocalDate day = MediationRequest.date(values.get(key));
        if (day != null && day.isAfter(today())) {
            violations.add(key, message);
        }
    }
}
