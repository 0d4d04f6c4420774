package fr.defense.rapid.mediation;

import java.time.LocalDate;
import java.util.Map;

/** What an SME asks the mediation service (data dictionary, docs/data-dictionary.md), already validated by the form. */
public record MediationRequest(
        String companySiren,
        String companyName,
        String contactName,
        String contactEmail,
        MediationSubject subject,
        String counterpartName,
        String contractReference,
        String dossierNumber,
        long amountAtStakeEur,
        String description,
        String documentList,
        boolean confidentialityAccepted,
        Long invoiceAmountEur,
        LocalDate invoiceReceivedDate,
        LocalDate paymentDate) {

    public static MediationRequest fromVariables(Map<String, Object> v) {
        return new MediationRequest(
                (String) v.get("companySiren"),
                (String) v.get("companyName"),
                (String) v.get("contactName"),
                (String) v.get("contactEmail"),
                MediationSubject.valueOf((String) v.get("subject")),
                (String) v.get("counterpartName"),
                blankToNull(v.get("contractReference")),
                blankToNull(v.get("dossierNumber")),
                ((Number) v.get("amountAtStakeEur")).longValue(),
                (String) v.get("description"),
                blankToNull(v.get("documentList")),
                Boolean.TRUE.equals(v.get("confidentialityAccepted")),
                v.get("invoiceAmountEur") instanceof Number n ? n.longValue() : null,
                date(v.get("invoiceReceivedDate")),
                date(v.get("paymentDate")));
    }

    public boolean latePayment() {
        return subject == MediationSubject.LATE_PAYMENT;
    }

    private static String blankToNull(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /** Forms submit dates as ISO strings ("2026-03-31"); Tasklist may add a time part. */
    static LocalDate date(Object value) {
        if (value instanceof LocalDate day) {
            return day;
        }
        String text = blankToNull(value);
        return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }
}
