package fr.defense.rapid.dashboard;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fires the weekly summary (cron in Paris time, {@code rapid.dashboard.weekly-summary.cron}) and its
 * retries, on every node of a cluster: the week's row decides which node sends (WeeklySummary).
 * Absent when {@code rapid.dashboard.weekly-summary.enabled} is false (the demo).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "rapid.dashboard.weekly-summary", name = "enabled", havingValue = "true")
class WeeklySummarySchedule {

    private final WeeklySummary summary;

    WeeklySummarySchedule(WeeklySummary summary) {
        this.summary = summary;
    }

    @Scheduled(cron = "${rapid.dashboard.weekly-summary.cron}", zone = "Europe/Paris")
    void lastWeek() {
        summary.send(WeeklySummary.lastWeek());
    }

    @Scheduled(
            initialDelayString = "${rapid.dashboard.weekly-summary.retry-every}",
            fixedDelayString = "${rapid.dashboard.weekly-summary.retry-every}")
    void retries() {
        summary.retryPending();
    }
}
