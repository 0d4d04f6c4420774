package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.today;
import static fr.defense.rapid.system.FrenchFormat.date;
import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.percent;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.procedure.CaseNumbers;
import fr.defense.rapid.procedure.Procedure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code RegisterCase}: numbers the request, stores it in {@code mediation_case}, computes what
 * the law grants for a late payment, and sets the service's first deadlines. Runs in the start
 * transaction: a refused request leaves neither a case nor an instance behind.
 */
@Component
class RegisterCase implements JavaDelegate {

    private final CaseNumbers numbers;
    private final MediationRepository cases;
    private final DossierRepository dossiers;
    private final LatePaymentInterest latePayment;
    private final MediationDeadlines deadlines;

    public RegisterCase(
            CaseNumbers numbers,
            MediationRepository cases,
            DossierRepository dossiers,
            LatePaymentInterest latePayment,
            MediationDeadlines deadlines) {
        this.numbers = numbers;
        this.cases = cases;
        this.dossiers = dossiers;
        this.latePayment = latePayment;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String owner = (String) execution.getVariable("applicant");
        if (owner == null || owner.isBlank()) {
            throw new BadUserRequestException(
                    "Une demande de médiation ne peut être déposée que par un utilisateur authentifié.");
        }
        MediationRequest request = MediationRequest.fromVariables(execution.getVariables());
        String number = numbers.next(Procedure.MEDIATION);
        LatePaymentInterest.Computation interest = request.latePayment() ? computeInterest(request) : null;
        List<String> explanation = interest == null ? List.of() : explain(request, interest);
        cases.insert(
                number,
                owner,
                execution.getProcessInstanceId(),
                request,
                interest,
                interest == null ? null : String.join("\n", explanation));
        if (request.subject() == MediationSubject.RAPID_DECISION && request.dossierNumber() != null) {
            dossiers.linkMediationCase(request.dossierNumber(), number);
            cases.addEvent(
                    number,
                    "LINKED_DOSSIER",
                    "Contestation de la décision rendue sur le dossier " + request.dossierNumber() + ".");
        }
        execution.setProcessBusinessKey(number);
        execution.setVariable("caseNumber", number);
        execution.setVariable("level", 1);
        execution.setVariable("renewed", false);
        execution.setVariable("admissible", null);
        execution.setVariable("outcome", null);
        execution.setVariable("confidentialityAccepted", request.confidentialityAccepted());
        execution.setVariable("subjectLabel", request.subject().label());
        execution.setVariable("answerDueDate", deadlines.answerDueDate());
        execution.setVariable("firstContactDueDate", deadlines.firstContactDueDate());
        // Level 1's target runs from the filing: a case left unqualified or uncontacted escalates too.
        deadlines.setMediationDueDate(execution, deadlines.levelDueDate(1));
        if (interest != null) {
            execution.setVariable("lateDays", interest.lateDays());
            execution.setVariable("lateInterestEur", interest.lateInterestEur().doubleValue());
            // The computation in words for the correspondent's forms (markdown: one paragraph a line).
            execution.setVariable("lateInterestComputation", String.join("\n\n", explanation));
        }
    }

    /** Up to the payment, or up to today while the invoice is still unpaid. */
    private LatePaymentInterest.Computation computeInterest(MediationRequest request) {
        LocalDate until = request.paymentDate() != null ? request.paymentDate() : today();
        return latePayment.compute(
                BigDecimal.valueOf(request.invoiceAmountEur()), request.invoiceReceivedDate(), until);
    }

    /** The computation in words, shown to the SME and the correspondent. */
    static List<String> explain(MediationRequest request, LatePaymentInterest.Computation c) {
        List<String> lines = new ArrayList<>();
        lines.add("Facture de " + euros(request.invoiceAmountEur()) + " reçue par l'acheteur le "
                + date(request.invoiceReceivedDate()) + " : paiement dû sous " + LatePaymentInterest.PAYMENT_PERIOD_DAYS
                + " jours, au plus tard le " + date(c.dueDate()) + ".");
        if (c.lateDays() == 0) {
            lines.add("Aucun retard de paiement à ce jour : rien n'est dû au titre des intérêts moratoires.");
            return lines;
        }
        lines.add("Retard : " + c.lateDays() + " jour(s), "
                + (request.paymentDate() != null
                        ? "jusqu'au paiement du " + date(request.paymentDate()) + "."
                        : "facture toujours impayée à la date du calcul, le " + date(today()) + "."));
        lines.add("Taux : taux de la BCE en vigueur au " + date(c.rateReferenceDate()) + " (premier jour du semestre), "
                + percent(c.ecbRatePercent()) + ", majoré de 8 points, soit " + percent(c.ratePercent()) + ".");
        lines.add("Intérêts moratoires : " + euros(request.invoiceAmountEur()) + " × " + percent(c.ratePercent())
                + " × " + c.lateDays() + " / 365 = " + euros(c.interestEur()) + ".");
        lines.add("Indemnité forfaitaire pour frais de recouvrement : " + euros(c.recoveryFeeEur()) + ".");
        lines.add("Total dû de plein droit : " + euros(c.lateInterestEur()) + ".");
        return lines;
    }
}
