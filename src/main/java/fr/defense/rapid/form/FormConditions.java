package fr.defense.rapid.form;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;

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
        return hidden(field, context(values));
    }

    /** What the conditions read, made once per submission (a case carries dozens of variables). */
    static VariableContext context(Map<String, Object> values) {
        return Variables.fromMap(new HashMap<>(values)).asVariableContext();
    }

    static boolean hidden(FormField field, VariableContext context) {
        return field.hide() != null && Boolean.TRUE.equals(FEEL.evaluateSimpleExpression(field.hide(), context));
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
