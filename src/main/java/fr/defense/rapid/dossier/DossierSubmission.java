package fr.defense.rapid.dossier;

import java.util.Map;

/** The fields an SME submits (data dictionary, docs/data-dictionary.md), already validated by the form. */
public record DossierSubmission(
        String companySiren,
        String companyName,
        int companyHeadcount,
        long companyTurnoverEur,
        long companyBalanceSheetEur,
        String companyRegion,
        String projectTitle,
        String projectSummary,
        String researchType,
        int trlStart,
        int trlTarget,
        String defenceApplication,
        String civilApplication,
        int durationMonths,
        long totalCostEur,
        long personnelCostEur,
        long requestedAidEur,
        int partnerCount,
        boolean collaboration,
        String contactName,
        String contactEmail) {

    public static DossierSubmission fromVariables(Map<String, Object> v) {
        return new DossierSubmission(
                (String) v.get("companySiren"),
                (String) v.get("companyName"),
                number(v, "companyHeadcount").intValue(),
                number(v, "companyTurnoverEur").longValue(),
                number(v, "companyBalanceSheetEur").longValue(),
                (String) v.get("companyRegion"),
                (String) v.get("projectTitle"),
                (String) v.get("projectSummary"),
                (String) v.get("researchType"),
                number(v, "trlStart").intValue(),
                number(v, "trlTarget").intValue(),
                (String) v.get("defenceApplication"),
                (String) v.get("civilApplication"),
                number(v, "durationMonths").intValue(),
                number(v, "totalCostEur").longValue(),
                number(v, "personnelCostEur").longValue(),
                number(v, "requestedAidEur").longValue(),
                number(v, "partnerCount").intValue(),
                Boolean.TRUE.equals(v.get("collaboration")),
                (String) v.get("contactName"),
                (String) v.get("contactEmail"));
    }

    private static Number number(Map<String, Object> v, String key) {
        return (Number) v.get(key);
    }
}
