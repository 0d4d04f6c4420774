package fr.defense.rapid.dossier;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Deadlines of the RAPID procedure (docs/procedures.md §2), as ISO-8601 durations under {@code rapid.deadlines}. */
@ConfigurationProperties("rapid.deadlines")
record RapidDeadlineSettings(
        Duration complements,
        Duration complementsReminderBefore,
        Duration evaluationSla,
        Duration agreementAcceptance,
        Period contestPeriod) {
}
