package fr.defense.rapid.evaluation;

import static fr.defense.rapid.system.EngineClock.now;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The evaluations of each dossier, kept in our tables (not only as process variables). */
@Component
public class Evaluations {

    /** Form field key → column, in the order of the evaluation form. */
    static final Map<String, String> SCORE_COLUMNS = scoreColumns();

    private final JdbcClient jdbc;

    Evaluations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            String dossierNumber, String expertId, Map<String, Integer> scores, String recommendation, String opinion) {
        jdbc.sql("""
                insert into evaluation (dossier_number, expert_id, evaluated_at, score_technical_quality,
                    score_defence_priority, score_dual_prospects, score_economic_impact, score_partnership,
                    score_coherence, recommendation, opinion)
                values (:dossier, :expert, :at, :scoreTechnicalQuality, :scoreDefencePriority, :scoreDualProspects,
                    :scoreEconomicImpact, :scorePartnership, :scoreCoherence, :recommendation, :opinion)
                """)
                .param("dossier", dossierNumber)
                .param("expert", expertId)
                .param("at", now())
                .params(new LinkedHashMap<String, Object>(scores))
                .param("recommendation", recommendation)
                .param("opinion", opinion)
                .update();
    }

    /** A dossier's evaluations, oldest first. */
    public List<Evaluation> of(String dossierNumber) {
        return jdbc.sql("select * from evaluation where dossier_number = :dossier order by evaluated_at, id")
                .param("dossier", dossierNumber)
                .query((rs, row) -> {
                    Map<String, Integer> scores = new LinkedHashMap<>();
                    for (Map.Entry<String, String> score : SCORE_COLUMNS.entrySet()) {
                        scores.put(score.getKey(), rs.getInt(score.getValue()));
                    }
                    return new Evaluation(
                            rs.getString("dossier_number"),
                            rs.getString("expert_id"),
                            rs.getObject("evaluated_at", OffsetDateTime.class),
                            scores,
                            rs.getString("recommendation"),
                            rs.getString("opinion"));
                })
                .list();
    }

    private static Map<String, String> scoreColumns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("scoreTechnicalQuality", "score_technical_quality");
        columns.put("scoreDefencePriority", "score_defence_priority");
        columns.put("scoreDualProspects", "score_dual_prospects");
        columns.put("scoreEconomicImpact", "score_economic_impact");
        columns.put("scorePartnership", "score_partnership");
        columns.put("scoreCoherence", "score_coherence");
        return Collections.unmodifiableMap(columns);
    }
}
