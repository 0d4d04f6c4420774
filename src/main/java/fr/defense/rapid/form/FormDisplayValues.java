package fr.defense.rapid.form;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * What a task's form shows of its case, prepared for display (French amounts, dates and labels)
 * from our tables when the form is opened, rather than copied into process variables: the
 * form's text blocks read it like any variable ({@code {{dossier.project.title}}}). Implemented by
 * the feature that owns the case; TemplatedTextEscaping adds it to the task's form variables,
 * escaped, for the names the form's templates use.
 */
public interface FormDisplayValues {

    /** Display variables for this task, by name (maps, lists and strings); none if it has nothing to show. */
    Map<String, Object> forTask(Task task);
}
