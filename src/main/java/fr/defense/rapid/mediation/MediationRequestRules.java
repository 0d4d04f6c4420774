package fr.defense.rapid.mediation;

import fr.defense.rapid.dossier.CompanyContactRules;
import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import fr.defense.rapid.system.Messages;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Rules of the mediation request that its JSON cannot express (docs/procedures.md §3.2 and docs/data-dictionary.md). */
@Component
class MediationRequestRules implements FormRules {

    private final LatePaymentInterest latePayment;

    MediationRequestRules(LatePaymentInterest latePayment) {
        this.latePayment = latePayment;
    }

    @Override
    public String formId() {
        return "request-mediation";
    }

    @Override
    public void check(FormValues values, Violations violations) {
        CompanyContactRules.check(values, violations);
        if (!Boolean.TRUE.equals(values.bool("confidentialityAccepted"))) {
            violations.add("confidentialityAccepted", Messages.get("rules.mediation.confidentiality"));
        }
        String subject = values.string("subject");
        if ("RAPID_DECISION".equals(subject) && values.string("dossierNumber") == null) {
            violations.add("dossierNumber", Messages.get("rules.mediation.contestedDossier"));
        }
        if ("LATE_PAYMENT".equals(subject)) {
            checkLatePayment(values, violations);
        }
    }

    private void checkLatePayment(FormValues values, Violations violations) {
        if (values.longValue("invoiceAmountEur") == null) {
            violations.add("invoiceAmountEur", Messages.get("rules.mediation.invoiceAmount"));
        }
        LocalDate received = MediationRequest.date(values.get("invoiceReceivedDate"));
        LocalDate paid = MediationRequest.date(values.get("paymentDate"));
        LocalDate today = EngineClock.today();
        if (received == null) {
            violations.add("invoiceReceivedDate", Messages.get("rules.mediation.invoiceReceived"));
        } else if (received.isAfter(today)) {
            violations.add("invoiceReceivedDate", Messages.get("rules.mediation.invoiceReceivedInTheFuture"));
        } else if (received.isBefore(latePayment.earliestInvoiceReceivedOn())) {
            violations.add(
                    "invoiceReceivedDate",
                    Messages.get(
                            "rules.mediation.invoiceBeforeRates",
                            FrenchFormat.date(latePayment.earliestInvoiceReceivedOn())));
        }
        if (paid != null && received != null && paid.isBefore(received)) {
            violations.add("paymentDate", Messages.get("rules.mediation.paymentBeforeInvoice"));
        } else if (paid != null && paid.isAfter(today)) {
            violations.add("paymentDate", Messages.get("rules.mediation.paymentInTheFuture"));
        }
    }
}
