package fr.defense.rapid.form;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Thrown from inside the engine's command when submitted values break a form's rules. Being a
 * {@link BadUserRequestException}, it rolls the whole command back (no task completed, no
 * variable written, no instance started) and the engine REST API answers 400 with the message,
 * which Tasklist shows in its error banner.
 */
public class FormValidationException extends BadUserRequestException {

    private final String formId;
    private final transient List<FieldViolation> violations;

    public FormValidationException(String formId, List<FieldViolation> violations) {
        super("Saisie refusée, rien n'a été enregistré. Corrigez : "
                + violations.stream().map(FieldViolation::toString).collect(Collectors.joining(" ; ")));
        this.formId = formId;
        this.violations = List.copyOf(violations);
    }

    public String formId() {
        return formId;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
