package fr.defense.rapid.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Deadlines are configuration (ISO-8601 durations), and due dates follow the engine clock. */
class RapidDeadlinesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void dueDatesFollowTheConfiguredDurationsOnTheEngineClock() {
        RapidDeadlines deadlines = new RapidDeadlines(bind(Map.of(
                "rapid.deadlines.complements", "P45D",
                "rapid.deadlines.complements-reminder-before", "P10D",
                "rapid.deadlines.evaluation-sla", "P14D",
                "rapid.deadlines.agreement-acceptance", "P90D")));
        ClockUtil.setCurrentTime(Date.from(NOW));

        assertThat(deadlines.complementsDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(45)));
        assertThat(deadlines.complementsReminderDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(35)));
        assertThat(deadlines.evaluationDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(14)));
        assertThat(deadlines.agreementDueDate().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(90)));
    }

    private static RapidDeadlineSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("rapid.deadlines", RapidDeadlineSettings.class)
                .get();
    }
}
