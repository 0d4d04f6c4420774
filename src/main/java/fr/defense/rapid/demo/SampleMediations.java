package fr.defense.rapid.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Valid mediation requests and task answers for the demo data and the tests: the SME of
 * {@link SampleDossiers} asks for help with an invoice the ministry pays late.
 */
public final class SampleMediations {

    private SampleMediations() {}

    /** A 12 000 € invoice received on 2 March 2026, paid on 30 April 2026 (29 days late). */
    public static Map<String, Object> latePayment() {
        Map<String, Object> v = contractDispute();
        v.put("subject", "LATE_PAYMENT");
        v.put("counterpartName", "Service du commissariat des armées — plateforme achats Lyon");
        v.put("contractReference", "MARCHÉ 2025-0412");
        v.put("amountAtStakeEur", 12_000L);
        v.put(
                "description",
                "Notre facture F-2026-118 de 12 000 € reçue le 2 mars 2026 n'a été payée que le 30 avril 2026, "
                        + "sans les intérêts moratoires ni l'indemnité forfaitaire.");
        v.put("invoiceAmountEur", 12_000L);
        v.put("invoiceReceivedDate", "2026-03-02");
        v.put("paymentDate", "2026-04-30");
        return v;
    }

    public static Map<String, Object> contractDispute() {
        Map<String, Object> v = new HashMap<>();
        v.put("companySiren", "732829320");
        v.put("companyName", "Optronique du Lac");
        v.put("contactName", "Claire Martin");
        v.put("contactEmail", "claire.martin@optronique-du-lac.example");
        v.put("subject", "CONTRACT_DISPUTE");
        v.put("counterpartName", "Naval Systems SA (maître d'œuvre)");
        v.put("contractReference", "SOUS-TRAITANCE 2024-77");
        v.put("amountAtStakeEur", 85_000L);
        v.put(
                "description",
                "Le maître d'œuvre refuse la réception des lots 3 et 4 livrés en janvier, sans motif écrit, "
                        + "et bloque le paiement correspondant.");
        v.put("documentList", "Contrat de sous-traitance\nProcès-verbaux de livraison\nCourriels de relance");
        v.put("confidentialityAccepted", true);
        return v;
    }

    /** The contest of a RAPID rejection: the dossier's number is added by the caller. */
    public static Map<String, Object> rapidContest(String dossierNumber) {
        Map<String, Object> v = contractDispute();
        v.put("subject", "RAPID_DECISION");
        v.put("counterpartName", "Agence de l'innovation de défense — comité RAPID");
        v.remove("contractReference");
        v.put("dossierNumber", dossierNumber);
        v.put("amountAtStakeEur", 200_000L);
        v.put(
                "description",
                "Le comité a jugé le projet trop proche d'un marché existant ; nous contestons cette analyse.");
        return v;
    }

    public static Map<String, Object> admissible() {
        return Map.of("qualification", "ADMISSIBLE", "mediatorName", "Julien Petit");
    }

    public static Map<String, Object> notAdmissible() {
        return Map.of(
                "qualification",
                "NOT_ADMISSIBLE",
                "notAdmissibleReason",
                "Le litige oppose deux entreprises privées sans lien avec un marché du ministère.");
    }

    public static Map<String, Object> firstContact(LocalDate on) {
        return Map.of(
                "firstContactDate",
                on.toString(),
                "firstContactSummary",
                "Entretien téléphonique : l'entreprise précise les montants et transmet ses pièces.");
    }

    public static Map<String, Object> action(LocalDate on, String counterpart) {
        return action(
                on, counterpart, "Appel au service payeur : le dossier de paiement est retrouvé et mis en priorité.");
    }

    public static Map<String, Object> action(LocalDate on, String counterpart, String summary) {
        return Map.of(
                "mediationStep",
                "RECORD_ACTION",
                "actionDate",
                on.toString(),
                "actionCounterpart",
                counterpart,
                "actionSummary",
                summary);
    }

    public static Map<String, Object> agreement(LocalDate executionDate) {
        return Map.of(
                "mediationStep",
                "AGREEMENT",
                "agreementMeasures",
                "Paiement des intérêts moratoires et de l'indemnité forfaitaire sous 30 jours.",
                "agreementExecutionDate",
                executionDate.toString());
    }

    public static Map<String, Object> failure() {
        return Map.of(
                "mediationStep",
                "FAILURE",
                "failureReport",
                "La partie concernée maintient son refus malgré trois échanges.");
    }

    public static Map<String, Object> renewalProposal() {
        return Map.of(
                "mediationStep",
                "PROPOSE_RENEWAL",
                "counterpartAgreesToRenewal",
                true,
                "renewalReason",
                "Une expertise technique des lots livrés est en cours et conclura dans six semaines.");
    }

    public static Map<String, Object> renewalResponse(boolean accepted) {
        return Map.of("renewalResponse", accepted ? "ACCEPTED" : "DECLINED");
    }

    public static Map<String, Object> withdrawal() {
        return Map.of("withdrawalReason", "Le paiement est intervenu entre-temps.", "withdrawalConfirmed", true);
    }

    public static Map<String, Object> rating(long stars) {
        return Map.of("satisfactionRating", stars, "satisfactionComment", "Écoute et réactivité appréciées.");
    }
}
