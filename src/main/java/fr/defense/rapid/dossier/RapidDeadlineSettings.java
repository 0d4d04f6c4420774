package fr.defense.rapid.dossier;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Deadlines of the RAPID procedure (docs/procedures.md §2), as ISO-8601 durations under {@code rapid.deadlines}. */
@ConfigurationProperties("rapid.deadlines")
@Validated
record RapidDeadlineSettings(
        @NotNull Duration complements,
        @NotNull Duration complementsReminderBefore,
        @NotNull Duration evaluationSla,
        @NotNull Duration agreementAcceptance,
        @NotNull Period contestPeriod) {

    /** A reminder must fall inside the period it reminds of. */
    @AssertTrue(
            message = "rapid.deadlines.complements-reminder-before must be shorter than rapid.deadlines.complements")
    boolean isReminderWithinTheComplementsPeriod() {
        return complements == null
                || complementsReminderBefore == null
                || complementsReminderBefore.compareTo(complements) < 0;
    }
}
