package fr.defense.rapid.form;

import java.util.Map;
import java.util.Set;

/**
 * Submitted values as seen by cross-field rules. A field already refused by the form's own rules
 * reads as absent, so each rule only sees values of the right type and range.
 */
public final class FormValues {

    private final Map<String, Object> values;
    private final Set<String> refused;

    FormValues(Map<String, Object> values, Set<String> refused) {
        this.values = values;
        this.refused = refused;
    }

    public Object get(String key) {
        return refused.contains(key) ? null : values.get(key);
    }

    public Long longValue(String key) {
        return get(key) instanceof Number n ? n.longValue() : null;
    }

    public String string(String key) {
        return get(key) instanceof String s ? s : null;
    }

    public Boolean bool(String key) {
        return get(key) instanceof Boolean b ? b : null;
    }
}
