package fr.defense.rapid.form;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body that is the values of a Camunda Form: its OpenAPI schema is generated from the
 * {@code .form} file the server validates with (fields, types, required, bounds, allowed values).
 * Without a form id, the body is one of the forms of the SME's own tasks (those assigned to
 * {@code ${applicant}} in the deployed models).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface FormBody {

    /** The form's id; empty: any form of the SME's tasks. */
    String value() default "";
}
