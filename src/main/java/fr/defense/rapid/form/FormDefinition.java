package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** A deployed Camunda Form: its id (the {@code formRef} of BPMN), its JSON and its input fields. */
public record FormDefinition(String id, JsonNode schema, List<FormField> fields) {

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
