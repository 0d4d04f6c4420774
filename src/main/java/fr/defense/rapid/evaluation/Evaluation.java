package fr.defense.rapid.evaluation;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One technical evaluation as the expert completed it. The scores are keyed by the evaluation
 * form's field keys ({@code scoreTechnicalQuality}…), in the form's order, so that their labels
 * come from the form itself.
 */
public record Evaluation(
        String dossierNumber,
        String expertId,
        OffsetDateTime evaluatedAt,
        Map<String, Integer> scores,
        String recommendation,
        String opinion) {

    public Evaluation {
        scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
    }

    public int total() {
        return scores.values().stream().mapToInt(Integer::intValue).sum();
    }
}
