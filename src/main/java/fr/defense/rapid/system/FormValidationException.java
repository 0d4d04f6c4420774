package fr.defense.rapid.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Thrown from inside the engine's command when submitted values break a form's rules: it rolls
 * the whole command back (no task completed, no variable written, no instance started). As the
 * engine's own form validation error, the REST API's task completion and form submission answer
 * it with 400 and its message, which Tasklist shows in its error banner.
 */
public class FormValidationException extends FormFieldValidationException {

    /** A refusal names at most this many errors, and says how many more there are. */
    public static final int MAX_LISTED = 50;

    private final String formId;
    private final transient List<FieldViolation> violations;

    public FormValidationException(String formId, List<FieldViolation> violations) {
        this(formId, violations, Map.of());
    }

    /**
     * @param labels the form's field labels: the message names a field as the person saw it
     *               (« Mesures convenues »), unless its text already does
     */
    public FormValidationException(String formId, List<FieldViolation> violations, Map<String, String> labels) {
        super(
                formId,
                Messages.get(
                        "refusal.form",
                        violations.stream()
                                .limit(MAX_LISTED)
                                .map(v -> described(v, labels))
                                .collect(Collectors.joining(" ; ")),
                        violations.size() > MAX_LISTED
                                ? Messages.get("refusal.form.more", violations.size() - MAX_LISTED)
                                : ""));
        this.formId = formId;
        this.violations = List.copyOf(violations);
    }

    private static String described(FieldViolation violation, Map<String, String> labels) {
        String label = labels.get(violation.field());
        if (label == null) {
            return violation.toString();
        }
        return violation.message().contains(label) ? violation.message() : "« " + label + " » : " + violation.message();
    }

    public String formId() {
        return formId;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
