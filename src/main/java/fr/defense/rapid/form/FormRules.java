package fr.defense.rapid.form;

/**
 * Rules of one form that its JSON cannot express (cross-field rules, checksums). Each feature
 * contributes the rules of its own forms as a Spring bean.
 */
public interface FormRules {

    /** The id of the form these rules belong to. */
    String formId();

    /** Adds a violation for each broken rule; fields already refused by the form are skipped. */
    void check(FormValues values, Violations violations);
}
