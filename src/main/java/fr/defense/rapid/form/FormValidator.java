package fr.defense.rapid.form;

import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import fr.defense.rapid.system.Messages;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.springframework.stereotype.Component;

/**
 * Applies a form's own rules (required, ranges, lengths, patterns, options) and the feature's
 * cross-field {@link FormRules} to submitted values. "Required" holds when the field is shown: its
 * {@code conditional.hide} is evaluated as in the browser (FormConditions). The engine trusts whatever a client sends;
 * this is where the rules the browser applied are applied again.
 */
@Component
public class FormValidator {

    private final FormCatalog catalog;
    private final Map<String, List<FormRules>> rulesByForm;

    public FormValidator(FormCatalog catalog, List<FormRules> rules) {
        this.catalog = catalog;
        this.rulesByForm = rules.stream().collect(Collectors.groupingBy(FormRules::formId));
    }

    public FormCatalog catalog() {
        return catalog;
    }

    /** Returns every violation; an empty list means the values may be accepted. */
    public List<FieldViolation> validate(String formId, Map<String, Object> values) {
        FormDefinition form = catalog.get(formId);
        Violations violations = new Violations();
        VariableContext conditions = FormConditions.context(values);
        for (FormField field : form.fields()) {
            // A hidden field is not required; a value it holds all the same (sent by a client, or
            // left by an earlier step) is checked like any other: nothing unchecked is stored.
            checkField(field, values.get(field.key()), !FormConditions.hidden(field, conditions), violations);
        }
        Set<String> refused = new HashSet<>();
        violations.list().forEach(v -> refused.add(v.field()));
        FormValues checked = new FormValues(values, refused);
        Violations crossField = new Violations();
        for (FormRules rules : rulesByForm.getOrDefault(formId, List.of())) {
            rules.check(checked, crossField);
        }
        // A field the form refused already reads as absent to the rules: one that requires it would
        // add "indicate it" to the form's precise message. One field, one message: the form's.
        crossField.list().stream()
                .filter(v -> !refused.contains(v.field()))
                .forEach(v -> violations.add(v.field(), v.message()));
        return violations.list();
    }

    /**
     * The text fields whose value is not in Unicode's composed form (NFC), with that form: « é »
     * typed as e + accent and as one character must be stored, compared and searched alike.
     */
    public Map<String, String> composedText(String formId, Map<String, Object> values) {
        Map<String, String> composed = new HashMap<>();
        for (FormField field : catalog.get(formId).fields()) {
            if (values.get(field.key()) instanceof String text && !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
                composed.put(field.key(), Normalizer.normalize(text, Normalizer.Form.NFC));
            }
        }
        return composed;
    }

    /** Throws a {@link FormValidationException} listing every violation, if there is any. */
    public void requireValid(String formId, Map<String, Object> values) {
        List<FieldViolation> violations = validate(formId, values);
        if (!violations.isEmpty()) {
            throw refusal(formId, violations);
        }
    }

    /** The refusal of these violations, naming each field by its label in the form. */
    public FormValidationException refusal(String formId, List<FieldViolation> violations) {
        Map<String, String> labels = new HashMap<>();
        catalog.get(formId).fields().forEach(field -> labels.put(field.key(), field.displayName()));
        return new FormValidationException(formId, violations, labels);
    }

    private static void checkField(FormField field, Object value, boolean shown, Violations violations) {
        String key = field.key();
        if (isBlank(value)) {
            if (field.required() && shown) {
                violations.add(key, Messages.get("validation.required", field.displayName()));
            }
            return;
        }
        switch (field.type()) {
            case "number" -> checkNumber(field, value, violations);
            case "checkbox" -> {
                if (!(value instanceof Boolean)) {
                    violations.add(key, Messages.get("validation.boolean", field.displayName()));
                }
            }
            case "select", "radio" -> {
                if (field.allowedValues() != null && !field.allowedValues().contains(String.valueOf(value))) {
                    violations.add(
                            key,
                            Messages.get(
                                    "validation.option",
                                    field.displayName(),
                                    value,
                                    String.join(", ", field.allowedValues())));
                }
            }
            case "datetime" -> checkDate(field, value, violations);
            default -> checkText(field, value, violations);
        }
    }

    private static void checkNumber(FormField field, Object value, Violations violations) {
        String key = field.key();
        if (!(value instanceof Number number) || !isFinite(number)) {
            violations.add(key, Messages.get("validation.number", field.displayName()));
            return;
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        if (field.decimalDigits() != null && decimal.stripTrailingZeros().scale() > field.decimalDigits()) {
            violations.add(
                    key,
                    field.decimalDigits() == 0
                            ? Messages.get("validation.integer", field.displayName())
                            : Messages.get("validation.decimals", field.displayName(), field.decimalDigits()));
        }
        if (field.min() != null && decimal.compareTo(field.min()) < 0) {
            violations.add(
                    key,
                    Messages.get(
                            "validation.min", field.displayName(), field.min().toPlainString()));
        }
        if (field.max() != null && decimal.compareTo(field.max()) > 0) {
            violations.add(
                    key,
                    Messages.get(
                            "validation.max", field.displayName(), field.max().toPlainString()));
        }
    }

    private static void checkText(FormField field, Object value, Violations violations) {
        String key = field.key();
        if (!(value instanceof String text)) {
            violations.add(key, Messages.get("validation.text", field.displayName()));
            return;
        }
        String unsafe = UnsafeCharacters.find(text, "textarea".equals(field.type()));
        if (unsafe != null) {
            violations.add(key, Messages.get("validation.unsafe", field.displayName(), unsafe));
            return;
        }
        if (field.minLength() != null && text.strip().length() < field.minLength()) {
            violations.add(key, Messages.get("validation.minLength", field.displayName(), field.minLength()));
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            violations.add(key, Messages.get("validation.maxLength", field.displayName(), field.maxLength()));
        }
        // form-js tests the pattern with RegExp.test (a search): our patterns are anchored.
        if (field.pattern() != null
                && !Pattern.compile(field.pattern()).matcher(text).find()) {
            violations.add(key, Messages.get("validation.pattern", field.displayName()));
        }
    }

    private static void checkDate(FormField field, Object value, Violations violations) {
        try {
            LocalDate.parse(String.valueOf(value)
                    .substring(0, Math.min(10, String.valueOf(value).length())));
        } catch (DateTimeParseException e) {
            violations.add(field.key(), Messages.get("validation.date", field.displayName()));
        }
    }

    /** JSON such as {@code 1e400} arrives as an infinite double. */
    static boolean isFinite(Number number) {
        return !(number instanceof Double d && !Double.isFinite(d))
                && !(number instanceof Float f && !Float.isFinite(f));
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }
}
