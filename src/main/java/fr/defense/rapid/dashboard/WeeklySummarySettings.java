package fr.defense.rapid.dashboard;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The managers' weekly summary mail ({@code rapid.dashboard.weekly-summary.*}), checked at start-up.
 *
 * @param enabled    sent at all (off in the demo profile)
 * @param cron       when, in Paris time (Spring's six fields: Monday 8:00 is {@code 0 0 8 * * MON})
 * @param retryEvery how often a summary not yet accepted by the SMTP server is tried again
 * @param lease      how long a node that claimed a summary has to send it before another may
 */
@ConfigurationProperties("rapid.dashboard.weekly-summary")
@Validated
record WeeklySummarySettings(
        boolean enabled,
        @NotBlank String cron,
        @NotNull Duration retryEvery,
        @NotNull Duration lease) {

    @AssertTrue(message = "rapid.dashboard.weekly-summary.cron must be a Spring cron expression (six fields)")
    boolean isCronValid() {
        return cron == null || CronExpression.isValidExpression(cron);
    }
}
