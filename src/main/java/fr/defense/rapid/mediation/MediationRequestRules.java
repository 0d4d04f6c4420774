package fr.defense.rapid.mediation;

import fr.defense.rapid.dossier.CompanyContactRules;
import fr.defense.rapid.form.FormRules;
import fr.defense.rapid.form.FormValues;
import fr.defense.rapid.form.Violations;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
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
            violations.add(
                    "confidentialityAccepted",
                    "l'engagement de confidentialité doit être accepté pour saisir la médiation.");
        }
        String subject = values.string("subject");
        if ("RAPID_DECISION".equals(subject) && values.string("dossierNumber") == null) {
            violations.add("dossierNumber", "indiquez le numéro du dossier RAPID dont vous contestez la décision.");
        }
        if ("LATE_PAYMENT".equals(subject)) {
            checkLatePayment(values, violations);
        }
    }

    private void checkLatePayment(FormValues values, Violations violations) {
        if (values.longValue("invoiceAmountEur") == null) {
            violations.add("invoiceAmountEur", "indiquez le montant de la facture impayée (en euros).");
        }
        LocalDate received = MediationRequest.date(values.get("invoiceReceivedDate"));
        LocalDate paid = MediationRequest.date(values.get("paymentDate"));
        LocalDate today = EngineClock.today();
        if (received == null) {
            violations.add("invoiceReceivedDate", "indiquez la date à laquelle l'acheteur a reçu la facture.");
        } else if (received.isAfter(today)) {
            violations.add("invoiceReceivedDate", "la date de réception de la facture ne peut pas être dans le futur.");
        } else if (received.isBefore(latePayment.earliestInvoiceReceivedOn())) {
            violations.add(
                    "invoiceReceivedDate",
                    "le calcul automatique couvre les factures reçues à partir du "
                            + FrenchFormat.date(latePayment.earliestInvoiceReceivedOn())
                            + " (table des taux de la BCE) : pour une facture plus ancienne, décrivez le retard dans la demande.");
        }
        if (paid != null && received != null && paid.isBefore(received)) {
            violations.add("paymentDate", "la date de paiement ne peut pas précéder la réception de la facture.");
        } else if (paid != null && paid.isAfter(today)) {
            violations.add("paymentDate", "la date de paiement ne peut pas être dans le futur.");
        }
    }
}
