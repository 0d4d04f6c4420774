package fr.defense.rapid.form;

import static fr.defense.rapid.system.FrenchFormat.euros;
import static fr.defense.rapid.system.FrenchFormat.number;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields an SME submitted, labelled, grouped and ordered as the submission form shows them to
 * the SME, so that staff and applicant read the same words; beside each, what the form requires.
 */
public final class SubmittedFields {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Bounds at or above this are the form's safeguards against a typing slip (an amount under a
     * thousand billion), not a rule of the procedure worth showing beside the value (TRL 1 to 9).
     */
    private static final BigDecimal LARGE = BigDecimal.valueOf(1_000_000);

    private SubmittedFields() {}

    /** A titled group of labelled values; {@code rule} says what the procedure requires of the value, if anything. */
    public record Section(String heading, List<Field> fields) {
        /** A value the case does not have (yet) is left out rather than shown empty. */
        public Section {
            fields = fields.stream().filter(field -> field.value() != null).toList();
        }
    }

    public record Field(String label, String value, String rule) {
        public static Field of(String label, String value) {
            return new Field(label, value, null);
        }
    }

    /** One section per group of the form, in its order. */
    public static List<Section> sections(FormDefinition form, Object submission) {
        @SuppressWarnings("unchecked")
        Map<String, Object> values = JSON.convertValue(submission, Map.class);
        List<Section> sections = new ArrayList<>();
        for (JsonNode component : form.schema().path("components")) {
            if ("group".equals(component.path("type").asText())) {
                List<Field> fields = new ArrayList<>();
                for (JsonNode child : component.path("components")) {
                    String key = child.path("key").asText(null);
                    form.field(key == null ? "" : key)
                            .ifPresent(field -> fields.add(new Field(
                                    label(field), value(form, field, values.get(field.key())), rule(field, child))));
                }
                sections.add(new Section(component.path("label").asText(), fields));
            }
        }
        return sections;
    }

    /** The amount's unit goes with the value (« 200 000 € »), not the label. */
    private static String label(FormField field) {
        return field.displayName().replace(" (€)", "");
    }

    public static String value(FormDefinition form, FormField field, Object value) {
        if (value == null || "".equals(value)) {
            return "non renseigné";
        }
        if (field.allowedValues() != null && !field.allowedValues().isEmpty()) {
            return form.optionLabel(field.key(), value.toString()).orElse(value.toString());
        }
        if (value instanceof Boolean yes) {
            return yes ? "oui" : "non";
        }
        if (value instanceof Number amount) {
            return field.key().endsWith("Eur") ? euros(amount.longValue()) : number(amount.longValue());
        }
        return "companySiren".equals(field.key()) ? siren(value.toString()) : value.toString();
    }

    /** What the form says of the field (its description), else its bounds when they are a rule rather than a safeguard. */
    private static String rule(FormField field, JsonNode component) {
        String description = component.path("description").asText("");
        if (!description.isBlank()) {
            return description;
        }
        if (field.min() != null && field.max() != null && field.max().compareTo(LARGE) < 0) {
            return "de " + field.min().toPlainString() + " à " + field.max().toPlainString();
        }
        if (field.minLength() != null && field.minLength() > 1) {
            return "au moins " + field.minLength() + " caractères";
        }
        return null;
    }

    public static String siren(String siren) {
        return siren != null && siren.matches("\\d{9}")
                ? siren.substring(0, 3) + " " + siren.substring(3, 6) + " " + siren.substring(6)
                : siren;
    }
}
