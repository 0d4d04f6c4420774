package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A deployed Camunda Form: its id (the {@code formRef} of BPMN), its JSON and its input fields. */
public record FormDefinition(String id, JsonNode schema, List<FormField> fields) {

    private static final Pattern FEEL_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    /**
     * Templates stay simple enough to escape what they show: only in text blocks, and only a
     * variable's name ({@code {{companyName}}}), never an expression or a loop. Checked when the
     * forms are read, so that a form breaking it never reaches Tasklist.
     */
    void requireSimpleTemplates() {
        requireSimpleTemplates(schema.path("components"));
    }

    private void requireSimpleTemplates(JsonNode components) {
        for (JsonNode component : components) {
            component.fields().forEachRemaining(property -> {
                String text =
                        property.getValue().isTextual() ? property.getValue().asText() : "";
                boolean textBlock = "text".equals(component.path("type").asText()) && "text".equals(property.getKey());
                boolean simple = textBlock
                        && !TEMPLATE_VARIABLE.matcher(text).replaceAll("").contains("{{");
                if (text.contains("{{") && !simple) {
                    throw new IllegalStateException(
                            "Form " + id + ": only {{variableName}} templates in text blocks, not \"" + text + "\" in "
                                    + property.getKey());
                }
            });
            requireSimpleTemplates(component.path("components"));
        }
    }

    /** The variables the form shows through templates in its text blocks ({@code {{companyName}}}). */
    public Set<String> templated() {
        Set<String> names = new TreeSet<>();
        collectTemplated(schema.path("components"), names);
        return names;
    }

    private static void collectTemplated(JsonNode components, Set<String> names) {
        for (JsonNode component : components) {
            if ("text".equals(component.path("type").asText())) {
                Matcher placeholder =
                        TEMPLATE_VARIABLE.matcher(component.path("text").asText());
                while (placeholder.find()) {
                    names.add(placeholder.group(1));
                }
            }
            collectTemplated(component.path("components"), names);
        }
    }

    /** The variables the form's conditions compare ({@code "hide": "=subject != \"LATE_PAYMENT\""}). */
    public Set<String> compared() {
        Set<String> names = new TreeSet<>();
        collectCompared(schema.path("components"), names);
        return names;
    }

    private static void collectCompared(JsonNode components, Set<String> names) {
        for (JsonNode component : components) {
            String hide = component.path("conditional").path("hide").asText("");
            Matcher name = FEEL_NAME.matcher(hide.replaceAll("\"[^\"]*\"", ""));
            while (name.find()) {
                names.add(name.group());
            }
            collectCompared(component.path("components"), names);
        }
    }

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
        fields.stream()
                .filter(field -> "checkbox".equals(field.type()))
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
