package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.today;

import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.Messages;
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
                    values, violations, "firstContactDate", Messages.get("rules.mediation.firstContactInTheFuture"));
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
                    notInTheFuture(values, violations, "actionDate", Messages.get("rules.mediation.actionInTheFuture"));
                case "PROPOSE_RENEWAL" -> {
                    if (Boolean.TRUE.equals(values.bool("renewed"))) {
                        violations.add("mediationStep", Messages.get("rules.mediation.renewedAlready"));
                    }
                    if (!Boolean.TRUE.equals(values.bool("counterpartAgreesToRenewal"))) {
                        violations.add(
                                "counterpartAgreesToRenewal", Messages.get("rules.mediation.renewalNeedsAgreement"));
                    }
                }
                case "AGREEMENT" -> {
                    LocalDate execution = MediationRequest.date(values.get("agreementExecutionDate"));
                    if (execution != null && execution.isBefore(today())) {
                        violations.add("agreementExecutionDate", Messages.get("rules.mediation.executionInThePast"));
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
                violations.add("withdrawalConfirmed", Messages.get("rules.mediation.withdrawalConfirmed"));
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
