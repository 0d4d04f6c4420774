package fr.defense.rapid.dashboard;

import jakarta.validation.constraints.NotNull;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the dashboard measures against, under {@code rapid.dashboard}.
 *
 * @param decisionTarget the RAPID target from submission to the committee's decision (DOMAIN.md §2:
 *                       no more than 4 months), counted on the Paris calendar
 */
@ConfigurationProperties("rapid.dashboard")
@Validated
record DashboardSettings(@NotNull Period decisionTarget) {}
