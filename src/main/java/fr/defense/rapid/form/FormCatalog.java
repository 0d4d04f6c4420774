package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code forms/*.form}, read from the classpath: the very files the engine deploys.
 * One definition of each form serves Tasklist (in the browser) and the server-side validation.
 */
@Component
public class FormCatalog {

    static final String LOCATION = "classpath*:forms/**/*.form";
    private static final Set<String> INPUT_TYPES =
            Set.of("textfield", "textarea", "number", "select", "radio", "checkbox", "datetime");

    private final Map<String, FormDefinition> forms;

    public FormCatalog(ObjectMapper objectMapper) {
        this.forms = load(objectMapper);
    }

    public Optional<FormDefinition> find(String formId) {
        return Optional.ofNullable(forms.get(formId));
    }

    public FormDefinition get(String formId) {
        return find(formId).orElseThrow(() -> new IllegalArgumentException("Unknown form: " + formId));
    }

    public Set<String> ids() {
        return forms.keySet();
    }

    private static Map<String, FormDefinition> load(ObjectMapper mapper) {
        Map<String, FormDefinition> result = new LinkedHashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode schema = mapper.readTree(in);
                    String id = schema.path("id").asText();
                    List<FormField> fields = new ArrayList<>();
                    collectFields(schema.path("components"), null, fields);
                    fields.forEach(field -> FormConditions.requireReadable(id, field));
                    FormDefinition form = new FormDefinition(id, schema, List.copyOf(fields));
                    form.requireSimpleTemplates();
                    result.put(id, form);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Camunda Forms", e);
        }
        return Map.copyOf(result);
    }

    /** Groups nest their fields in {@code components}: flatten them; a hidden group hides its fields. */
    private static void collectFields(JsonNode components, String groupHide, List<FormField> fields) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            String hide = either(
                    groupHide,
                    FormConditions.expression(
                            component.path("conditional").path("hide").asText(null)));
            if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
                fields.add(toField(component, type, hide));
            }
            collectFields(component.path("components"), hide, fields);
        }
    }

    private static String either(String first, String second) {
        if (first == null || second == null) {
            return first == null ? second : first;
        }
        return "(" + first + ") or (" + second + ")";
    }

    private static FormField toField(JsonNode component, String type, String hide) {
        JsonNode validate = component.path("validate");
        List<String> allowed = null;
        if (component.has("values")) {
            allowed = new ArrayList<>();
            for (JsonNode option : component.path("values")) {
                allowed.add(option.path("value").asText());
            }
        }
        return new FormField(
                component.path("key").asText(),
                type,
                // A date field (datetime, subtype date) carries its label as dateLabel.
                component.path("label").asText(component.path("dateLabel").asText(null)),
                validate.path("required").asBoolean(false),
                decimal(validate.get("min")),
                decimal(validate.get("max")),
                integer(validate.get("minLength")),
                integer(validate.get("maxLength")),
                validate.path("pattern").asText(null),
                integer(component.get("decimalDigits")),
                allowed,
                hide);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue();
    }

    private static Integer integer(JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}
