package fr.defense.rapid.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the purge of our tables every night ({@code rapid.retention.purge-cron}, Paris time) on every
 * node; concurrent runs are harmless (see RetentionPurge). Absent when {@code rapid.retention.nightly}
 * is false (the tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "rapid.retention", name = "nightly", havingValue = "true")
class RetentionSchedule {

    private final RetentionPurge purge;

    RetentionSchedule(RetentionPurge purge) {
        this.purge = purge;
    }

    @Scheduled(cron = "${rapid.retention.purge-cron}", zone = "Europe/Paris")
    void nightly() {
        purge.purgeExpired();
    }
}
