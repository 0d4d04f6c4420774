package fr.defense.rapid.decision;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the SME is told about the decisions ({@code rapid.decision}).
 *
 * @param contact to whom the SME may ask for the rules of the automatic processing, as the
 *     statutory mention ends: « … à {contact}. »
 * @param expectedTime how the usual time to a decision is estimated
 */
@ConfigurationProperties("rapid.decision")
@Validated
record DecisionExplanationSettings(
        @NotBlank String contact, @NotNull @Valid ExpectedTime expectedTime) {

    /**
     * @param window the decisions counted: those of this last period (12 months)
     * @param minimumSample below this many decisions in the window, the default is given
     * @param defaultWeeks the procedure's target (4 months, about 17 weeks), given meanwhile
     */
    record ExpectedTime(
            @NotNull Period window,
            @Min(1) int minimumSample,
            @Min(1) int defaultWeeks) {}
}
