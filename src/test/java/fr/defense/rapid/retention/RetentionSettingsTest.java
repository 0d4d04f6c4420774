package fr.defense.rapid.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The retention period is checked when the application starts: nonsense stops it, naming the setting. */
class RetentionSettingsTest {

    @Configuration
    @EnableConfigurationProperties(RetentionSettings.class)
    static class Settings {}

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "rapid.retention.nightly=true",
                    "rapid.retention.purge-cron=0 30 0 * * *",
                    "rapid.retention.purge-batch=500",
                    "rapid.retention.engine-cleanup.window-start=01:00",
                    "rapid.retention.engine-cleanup.window-end=05:00",
                    "rapid.retention.engine-cleanup.degree-of-parallelism=2");

    @Test
    void tenYearsAreKeptAsTheLongestTenYearsOfTheCalendar() {
        context.withPropertyValues("rapid.retention.period=P10Y").run(started -> {
            RetentionSettings settings = started.getBean(RetentionSettings.class);
            assertThat(settings.period()).isEqualTo(Period.ofYears(10));
            assertThat(settings.days()).isEqualTo(3653); // 10 × 365 + three leap days
        });
        context.withPropertyValues("rapid.retention.period=P1Y6M")
                .run(started -> assertThat(
                                started.getBean(RetentionSettings.class).days())
                        .isEqualTo(366 + 184));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "-P10Y", "P10Y-2M", "P150Y"})
    void aPeriodThatIsNoneNegativeOrBeyondACenturyStopsTheStart(String period) {
        context.withPropertyValues("rapid.retention.period=" + period)
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("rapid.retention.period"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dix ans", "PT12H"})
    void aPeriodThatIsNotAnIsoPeriodStopsTheStart(String period) {
        context.withPropertyValues("rapid.retention.period=" + period)
                .run(started -> assertThat(started.getStartupFailure())
                        .hasStackTraceContaining("Failed to bind properties under 'rapid.retention.period'"));
    }

    @Test
    void aCleanupWindowOfNoLengthOrMoreThanEightCleanupJobsStopTheStart() {
        context.withPropertyValues(
                        "rapid.retention.period=P10Y",
                        "rapid.retention.engine-cleanup.window-end=01:00",
                        "rapid.retention.engine-cleanup.degree-of-parallelism=9",
                        "rapid.retention.purge-cron=chaque nuit")
                .run(started -> assertThat(started.getStartupFailure())
                        .rootCause()
                        .hasMessageContaining("window-end")
                        .hasMessageContaining("engineCleanup.degreeOfParallelism")
                        .hasMessageContaining("rapid.retention.purge-cron"));
    }

    @Test
    void theEngineCleanupWindowIsAtNightInParisWhateverTheServersTimeZone() {
        assertThat(EngineHistoryCleanup.inParis(LocalTime.of(1, 0), Instant.parse("2026-01-15T12:00:00Z")))
                .isEqualTo("01:00+0100");
        assertThat(EngineHistoryCleanup.inParis(LocalTime.of(1, 0), Instant.parse("2026-07-15T12:00:00Z")))
                .isEqualTo("01:00+0200");
    }
}
