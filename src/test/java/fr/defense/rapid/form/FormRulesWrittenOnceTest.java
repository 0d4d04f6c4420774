package fr.defense.rapid.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.system.FieldViolation;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms' own rules as the server applies them, without Spring or a database (a few
 * milliseconds): a field hidden by its {@code conditional.hide} (FEEL, evaluated as form-js does)
 * is not checked, and "required" in a form means "required when shown".
 */
class FormRulesWrittenOnceTest {

    private static final FormValidator VALIDATOR = new FormValidator(new FormCatalog(new ObjectMapper()), List.of());

    @Test
    void aRejectionNeedsAMotivationOfTwentyCharactersAndNoAmount() {
        assertThat(fields(violations("committee-decision", Map.of("decision", "REJECTED"))))
                .containsExactly("decisionMotivation");
        assertThat(violations("committee-decision", Map.of("decision", "REJECTED", "decisionMotivation", "Non.")))
                .singleElement()
                .extracting(FieldViolation::message)
                .asString()
                .contains("au moins 20 caractères");
        assertThat(violations(
                        "committee-decision",
                        Map.of(
                                "decision",
                                "REJECTED",
                                "decisionMotivation",
                                "Projet sans application de défense identifiable.")))
                .isEmpty();
    }

    @Test
    void anApprovalNeedsAnAmountAndNoMotivation() {
        assertThat(fields(violations("committee-decision", Map.of("decision", "APPROVED"))))
                .containsExactly("grantedAidEur");
        assertThat(violations("committee-decision", Map.of("decision", "APPROVED", "grantedAidEur", 150_000L)))
                .isEmpty();
    }

    @Test
    void eachMediationStepRequiresItsOwnFieldsOnly() {
        assertThat(fields(violations("conduct-mediation", Map.of("mediationStep", "RECORD_ACTION"))))
                .containsExactlyInAnyOrder("actionDate", "actionCounterpart", "actionSummary");
        assertThat(fields(violations("conduct-mediation", Map.of("mediationStep", "AGREEMENT"))))
                .containsExactlyInAnyOrder("agreementMeasures", "agreementExecutionDate");
        Map<String, Object> failure = new HashMap<>(Map.of("mediationStep", "FAILURE", "failureReport", "Échec."));
        // A value left by an earlier step (a previous action) is no longer required, and was valid.
        failure.put("actionSummary", "Appel au directeur financier de l'acheteur.");
        assertThat(violations("conduct-mediation", failure))
                .singleElement()
                .satisfies(violation -> assertThat(violation.field()).isEqualTo("failureReport"));
    }

    @Test
    void aHiddenFieldIsNotRequiredButWhatItHoldsIsStillChecked() {
        // form-js does not send a hidden field; a client that does is checked all the same.
        Map<String, Object> decision =
                Map.of("decision", "APPROVED", "grantedAidEur", 150_000L, "decisionMotivation", "x".repeat(4001));
        assertThat(fields(violations("committee-decision", decision))).containsExactly("decisionMotivation");
        Map<String, Object> contest = new HashMap<>(Map.of("subject", "CONTRACT_DISPUTE", "invoiceReceivedDate", "x"));
        assertThat(fields(violations("request-mediation", contest))).contains("invoiceReceivedDate");
    }

    @Test
    void aConditionReadsTheCasesOtherVariablesToo() {
        FormField lateOnly = field("=subject != \"LATE_PAYMENT\"");
        assertThat(FormConditions.hidden(lateOnly, Map.of("subject", "LATE_PAYMENT")))
                .isFalse();
        assertThat(FormConditions.hidden(lateOnly, Map.of("subject", "CONTRACT_DISPUTE")))
                .isTrue();
        assertThat(FormConditions.hidden(lateOnly, Map.of()))
                .as("unknown reads as null, as in form-js")
                .isTrue();
        assertThat(FormConditions.hidden(field(null), Map.of())).isFalse();
    }

    @Test
    void aConditionFeelCannotReadStopsTheStartNotAUsersCompletion() {
        assertThatThrownBy(() -> FormConditions.requireReadable("committee-decision", field("=decision != ")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not FEEL");
    }

    private static FormField field(String hide) {
        return new FormField(
                "x",
                "textfield",
                "X",
                true,
                (BigDecimal) null,
                null,
                null,
                null,
                null,
                null,
                null,
                FormConditions.expression(hide));
    }

    private static List<FieldViolation> violations(String formId, Map<String, Object> values) {
        return VALIDATOR.validate(formId, values);
    }

    private static List<String> fields(List<FieldViolation> violations) {
        return violations.stream().map(FieldViolation::field).toList();
    }
}
