package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.today;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Rules of the mediation's task forms that their JSON cannot express: what each choice requires. */
final class MediationTaskRules {

    private static final int MIN_TEXT = 10;

    private MediationTaskRules() {
    }

    @Component
    static class Qualify implements FormRules {
        @Override
        public String formId() {
            return "qualify-mediation";
        }

        @Override
        public void check(FormValues values, Violations violations) {
            String qualification = values.string("qualification");
            if ("NOT_ADMISSIBLE".equals(qualification)) {
                requireText(values, violations, "notAdmissibleReason", 20,
                        "une demande non recevable doit être motivée (20 caractères au moins) : le motif est envoyé à l'entreprise.");
            } else if ("ADMISSIBLE".equals(qualification)) {
                requireText(values, violations, "mediatorName", 2,
                        "nommez l'interlocuteur de l'entreprise : la réponse d'attente l'indique.");
            }
        }
    }

    @Component
    static class FirstContact implements FormRules {
        @Override
        public String formId() {
            return "contact-sme";
        }

        @Override
        public void check(FormValues values, Violations violations) {
            notInTheFuture(values, violations, "firstContactDate", "le premier contact ne peut pas être daté du futur.");
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
                case "RECORD_ACTION" -> {
                    require(values, violations, "actionDate", "indiquez la date de l'action.");
                    notInTheFuture(values, violations, "actionDate", "une action ne peut pas être datée du futur.");
                    requireText(values, violations, "actionCounterpart", 2, "indiquez qui a été contacté.");
                    requireText(values, violations, "actionSummary", MIN_TEXT, "résumez l'action (" + MIN_TEXT + " caractères au moins).");
                }
                case "PROPOSE_RENEWAL" -> {
                    if (Boolean.TRUE.equals(values.bool("renewed"))) {
                        violations.add("mediationStep", "la médiation a déjà été prolongée une fois : elle ne peut plus l'être.");
                    }
                    requireText(values, violations, "renewalReason", MIN_TEXT, "expliquez à l'entreprise pourquoi prolonger.");
                    if (!Boolean.TRUE.equals(values.bool("counterpartAgreesToRenewal"))) {
                        violations.add("counterpartAgreesToRenewal", "la prolongation suppose l'accord de la partie concernée.");
                    }
                }
                case "AGREEMENT" -> {
                    requireText(values, violations, "agreementMeasures", MIN_TEXT, "décrivez les mesures convenues.");
                    require(values, violations, "agreementExecutionDate", "indiquez la date d'exécution des mesures.");
                    LocalDate execution = MediationRequest.date(values.get("agreementExecutionDate"));
                    if (execution != null && execution.isBefore(today())) {
                        violations.add("agreementExecutionDate", "la date d'exécution ne peut pas être passée.");
                    }
                }
                case "FAILURE" -> requireText(values, violations, "failureReport", MIN_TEXT,
                        "le rapport d'échec est transmis au niveau suivant : rédigez-le (" + MIN_TEXT + " caractères au moins).");
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

    private static void require(FormValues values, Violations violations, String key, String message) {
        if (values.get(key) == null) {
            violations.add(key, message);
        }
    }

    private static void requireText(FormValues values, Violations violations, String key, int min, String message) {
        String text = values.string(key);
        if (text == null || text.strip().length() < min) {
            violations.add(key, message);
        }
    }

    private static void notInTheFuture(FormValues values, Violations violations, String key, String message) {
        LocalDate day = MediationRequest.date(values.get(key));
        if (day != null && day.isAfter(today())) {
            violations.add(key, message);
        }
    }
}
