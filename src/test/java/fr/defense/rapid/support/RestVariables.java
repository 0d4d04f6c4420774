package fr.defense.rapid.support;

import java.util.LinkedHashMap;
import java.util.Map;

/** Values in Camunda's REST variable format, with the types Tasklist sends (Long for whole numbers). */
public final class RestVariables {

    private RestVariables() {}

    public static Map<String, Object> of(Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(
                name,
                Map.of(
                        "value",
                        value,
                        "type",
                        value instanceof Long ? "Long" : value instanceof Boolean ? "Boolean" : "String")));
        return variables;
    }
}
