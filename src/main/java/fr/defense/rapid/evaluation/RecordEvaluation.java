package fr.defense.rapid.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code TechnicalEvaluation}, on completion: the expert's scores, recommendation and opinion
 * join the dossier's evaluations. The form's rules are applied after this listener (by the task's
 * end listener, see FormValidationPlugin): a completion they refuse is rolled back as a whole,
 * this row included, and an incomplete one is left for them to refuse in French.
 */
@Component
class RecordEvaluation implements TaskListener {

    private final Evaluations evaluations;

    RecordEvaluation(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        Evaluations.SCORE_COLUMNS.keySet().forEach(key -> scores.put(key, score(task.getVariable(key))));
        if (scores.containsValue(null)
                || !(task.getVariable("evaluationRecommendation") instanceof String)
                || !(task.getVariable("evaluationComment") instanceof String)) {
            return;
        }
        evaluations.record(new Evaluation(
                task.getExecution().getProcessBusinessKey(),
                task.getAssignee(),
                null,
                scores,
                (String) task.getVariable("evaluationRecommendation"),
                (String) task.getVariable("evaluationComment")));
    }

    private static Integer score(Object value) {
        return value instanceof Number number ? number.intValue() : null;
    }
}
