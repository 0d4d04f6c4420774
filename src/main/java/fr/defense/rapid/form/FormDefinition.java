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
    /**
     * A template tag of a text block: a variable or a path into one ({@code {{dossier.project.title}}}),
     * or the opening or closing tag of a loop or a condition over one ({@code {{#loop dossier.evaluations}}}).
     * Group 1 is the variable the path starts from.
     */
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile(
            "\\{\\{\\s*(?:#(?:loop|if)\\s+)?([A-Za-z_][A-Za-z0-9_]*)(?:\\.[A-Za-z_][A-Za-z0-9_]*)*\\s*}}"
                    + "|\\{\\{\\s*/(?:loop|if)\\s*}}");

    /**
     * Templates stay simple enough to escape what they show: only in text blocks, and only
     * variables, paths into them, and loops and conditions over them ({@code {{companyName}}},
     * {@code {{#loop dossier.sections}}…{{/loop}}}), never a FEEL expression. Every string shown is
     * then a variable's value, or a value inside one, that TemplatedTextEscaping can escape. Checked
     * when the forms are read, so that a form breaking it never reaches Tasklist.
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
                    throw new IllegalStateException("Form " + id
                            + ": only {{variable.path}}, {{#loop variable}} and {{#if variable}} templates in text blocks, not \""
                            + text + "\" in " + property.getKey());
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
                    if (placeholder.group(1) != null) {
                        names.add(placeholder.group(1));
                    }
                }
            }
            collectTemplated(component.path("components"), names);
        }
    }

    /**
     * What the form only shows through its templates: not its own input fields (shown in inputs,
     * submitted back as they are) nor what its conditions compare (option values, never free
     * text). Their text must reach form-js escaped, or an applicant's Markdown would become links.
     */
    public Set<String> displayedOnly() {
        Set<String> names = new TreeSet<>(templated());
        fields().forEach(field -> names.remove(field.key()));
        names.removeAll(compared());
        return names;
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

    /** The label a select or radio field of this form shows for one of its values. */
    public Optional<String> optionLabel(String key, String value) {
        return optionLabel(schema.path("components"), key, value);
    }

    private static Optional<String> optionLabel(JsonNode components, String key, String value) {
        for (JsonNode component : components) {
            if (key.equals(component.path("key").asText())) {
                for (JsonNode option : component.path("values")) {
                    if (option.path("value").asText().equals(value)) {
                        return Optional.of(option.path("label").asText());
                    }
                }
            }
            Optional<String> nested = optionLabel(component.path("components"), key, value);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
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
