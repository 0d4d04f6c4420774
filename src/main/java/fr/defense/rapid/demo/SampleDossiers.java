package fr.defense.rapid.demo;

import java.util.HashMap;
import java.util.Map;

/**
 * Valid RAPID submissions (start form values) for the demo data and the tests: a small
 * company doing collaborative industrial research, which the variants below adjust.
 */
public final class SampleDossiers {

    private SampleDossiers() {}

    /** A small company (SIREN 732829320), 400 000 € project, 200 000 € requested. */
    public static Map<String, Object> smallCompany() {
        Map<String, Object> v = new HashMap<>();
        v.put("companySiren", "732829320");
        v.put("companyName", "Optronique du Lac");
        v.put("companyHeadcount", 35L);
        v.put("companyTurnoverEur", 6_000_000L);
        v.put("companyBalanceSheetEur", 4_000_000L);
        v.put("companyRegion", "Auvergne-Rhône-Alpes");
        v.put("projectTitle", "Caméra infrarouge compacte pour drones");
        v.put("projectSummary", "Conception d'une caméra infrarouge non refroidie de moins de 80 g.");
        v.put("researchType", "INDUSTRIAL_RESEARCH");
        v.put("trlStart", 3L);
        v.put("trlTarget", 5L);
        v.put("defenceApplication", "Observation de nuit pour mini-drones de reconnaissance.");
        v.put("civilApplication", "Inspection thermique de bâtiments et lutte contre les incendies.");
        v.put("durationMonths", 24L);
        v.put("totalCostEur", 400_000L);
        v.put("personnelCostEur", 250_000L);
        v.put("requestedAidEur", 200_000L);
        v.put("partnerCount", 1L);
        v.put("collaboration", true);
        v.put("contactName", "Claire Martin");
        v.put("contactEmail", "claire.martin@optronique-du-lac.example");
        return v;
    }

    /** A medium company in experimental development, alone. */
    public static Map<String, Object> mediumCompany() {
        Map<String, Object> v = smallCompany();
        v.put("companySiren", "552100554");
        v.put("companyName", "Armor Composites");
        v.put("companyHeadcount", 180L);
        v.put("companyTurnoverEur", 38_000_000L);
        v.put("companyRegion", "Bretagne");
        v.put("projectTitle", "Coque composite furtive pour drones de surface");
        v.put("researchType", "EXPERIMENTAL_DEVELOPMENT");
        v.put("trlStart", 5L);
        v.put("trlTarget", 7L);
        v.put("partnerCount", 0L);
        v.put("collaboration", false);
        v.put("totalCostEur", 900_000L);
        v.put("personnelCostEur", 450_000L);
        v.put("requestedAidEur", 500_000L);
        v.put("contactName", "Yann Le Goff");
        v.put("contactEmail", "yann.legoff@armor-composites.example");
        return v;
    }

    /** A company of 2 500 employees: not eligible. */
    public static Map<String, Object> largeCompany() {
        Map<String, Object> v = smallCompany();
        v.put("companySiren", "542065479");
        v.put("companyName", "Grand Groupe Défense");
        v.put("companyHeadcount", 2_500L);
        v.put("companyTurnoverEur", 900_000_000L);
        v.put("companyBalanceSheetEur", 700_000_000L);
        return v;
    }

    /** The secretariat's answer to {@code CheckCompleteness}. */
    public static Map<String, Object> completeness(boolean complete) {
        Map<String, Object> v = new HashMap<>();
        v.put("completenessOutcome", complete ? "COMPLETE" : "INCOMPLETE");
        if (!complete) {
            v.put("missingItems", "Liasse fiscale du dernier exercice ; annexe financière détaillée par partenaire.");
        }
        return v;
    }

    /** An expert's favourable {@code TechnicalEvaluation}. */
    public static Map<String, Object> favourableEvaluation() {
        Map<String, Object> v = new HashMap<>();
        for (String score : new String[] {
            "scoreTechnicalQuality",
            "scoreDefencePriority",
            "scoreDualProspects",
            "scoreEconomicImpact",
            "scorePartnership",
            "scoreCoherence"
        }) {
            v.put(score, 4L);
        }
        v.put("evaluationRecommendation", "FAVORABLE");
        v.put("evaluationComment", "Projet solide, équipe expérimentée, double usage crédible.");
        v.put("noConflictOfInterest", true);
        return v;
    }

    /** The committee approves with the given amount. */
    public static Map<String, Object> approval(long grantedAidEur) {
        return new HashMap<>(Map.of("decision", "APPROVED", "grantedAidEur", grantedAidEur));
    }

    /** The committee rejects, with a motivation. */
    public static Map<String, Object> rejection() {
        return new HashMap<>(Map.of(
                "decision",
                "REJECTED",
                "decisionMotivation",
                "Le potentiel d'application défense est insuffisamment démontré."));
    }
}
