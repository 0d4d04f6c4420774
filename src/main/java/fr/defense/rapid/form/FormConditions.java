package fr.defense.rapid.form;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;

/**
 * A field's {@code conditional.hide} expression, evaluated on the server as form-js evaluates it in
 * the browser: FEEL (the FEEL engine Camunda's DMN uses), over the submitted values and the
 * variables the form sees. A hidden field is neither shown nor checked, so "required" in a form
 * means "required when shown": the condition lives in the form, once.
 */
final class FormConditions {

    private static final FeelEngine FEEL = new ScalaFeelEngineFactory().createInstance();
    /** The same few expressions come back at every completion: checked once for FEEL syntax. */
    private static final Map<String, Boolean> VALID = new ConcurrentHashMap<>();

    private FormConditions() {}

    /** Whether the field is hidden for these values; a field without a condition never is. */
    static boolean hidden(FormField field, Map<String, Object> values) {
        if (field.hide() == null) {
            return false;
        }
        Map<String, Object> context = new HashMap<>(values);
        Object result = FEEL.evaluateSimpleExpression(
                field.hide(), Variables.fromMap(context).asVariableContext());
        return Boolean.TRUE.equals(result);
    }

    /** The expression of a form-js condition ("=decision != \"APPROVED\""), without its leading "=". */
    static String expression(String condition) {
        if (condition == null || condition.isBlank()) {
            return null;
        }
        String expression = condition.strip();
        return expression.startsWith("=") ? expression.substring(1) : expression;
    }

    /** Fails at start-up on an expression FEEL cannot read, rather than at a user's completion. */
    static void requireReadable(String formId, FormField field) {
        if (field.hide() == null || VALID.containsKey(field.hide())) {
            return;
        }
        try {
            FEEL.evaluateSimpleExpression(
                    field.hide(), Variables.createVariables().asVariableContext());
            VALID.put(field.hide(), true);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Form " + formId + ", field " + field.key() + ": condition « " + field.hide() + " » is not FEEL: "
                            + e.getMessage(),
                    e);
        }
    }
}
