package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A deployed Camunda Form: its id (the {@code formRef} of BPMN), its JSON and its input fields. */
public record FormDefinition(String id, JsonNode schema, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * What an API client sent, made ready for the engine: only this form's fields are accepted
     * (any other name is a violation), and whole numbers become {@code Long}, as Tasklist's
     * values and the process models expect, whatever JSON number type they arrived as.
     */
    public Map<String, Object> accept(Map<String, Object> submitted) {
        List<FieldViolation> unknown = submitted.keySet().stream()
                .filter(key -> field(key).isEmpty())
                .map(key -> new FieldViolation(key, "champ inconnu de ce formulaire."))
                .toList();
        if (!unknown.isEmpty()) {
            throw new FormValidationException(id, unknown);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        submitted.forEach((key, value) -> values.put(key, wholeNumber(value)));
        // An unticked checkbox is false, as Tasklist submits it, not absent.
        fields.stream().filter(field -> "checkbox".equals(field.type()))
                .forEach(field -> values.putIfAbsent(field.key(), Boolean.FALSE));
        return values;
    }

    private static Object wholeNumber(Object value) {
        if (value instanceof Number number && !(value instanceof Long) && FormValidator.isFinite(number)) {
            BigDecimal decimal = new BigDecimal(number.toString());
            if (decimal.stripTrailingZeros().scale() <= 0) {
                try {
                    return decimal.longValueExact();
                } catch (ArithmeticException tooLarge) {
                    return value;
                }
            }
        }
        return value;
    }
}
