package fr.defense.rapid.form;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input field of a Camunda Form, with the validation rules the form declares
 * (form-js {@code validate} block, select/radio options, number decimals).
 */
public record FormField(
        String key,
        String type,
        String label,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer minLength,
        Integer maxLength,
        String pattern,
        Integer decimalDigits,
        List<String> allowedValues,
        /** Its {@code conditional.hide} FEEL expression, without the leading "=", if it has one. */
        String hide) {

    public String displayName() {
        return label == null || label.isBlank() ? key : label;
    }
}
