package fr.defense.rapid.dashboard;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The deadline of each activity that has one, in days, read from the same settings the processes
 * use ({@code rapid.deadlines.*}, {@code rapid.mediation.*}; read as properties, converted as Spring Boot
 * binds them, so that the dashboard does not reach into the dossier and mediation modules). Two are approximations, as a
 * map needs one number: 15 French working days count as 21 calendar days (three weeks; public
 * holidays ignored), and a month as 30.44 days (a year's mean).
 */
@Component
class ActivityDeadlines {

    private static final double DAYS_PER_MONTH = 365.2425 / 12;

    private final Map<String, Double> days;

    ActivityDeadlines(Environment settings) {
        this.days = Map.of(
                "rapid-subsidy/ProvideComplements", days(duration(settings, "rapid.deadlines.complements")),
                "rapid-subsidy/TechnicalEvaluation", days(duration(settings, "rapid.deadlines.evaluation-sla")),
                "rapid-subsidy/AcceptAgreement", days(duration(settings, "rapid.deadlines.agreement-acceptance")),
                "mediation-escalation/QualifyRequest",
                        settings.getRequiredProperty("rapid.mediation.answer-working-days", Integer.class) * 7 / 5d,
                "mediation-escalation/ContactSme", days(period(settings, "rapid.mediation.first-contact")),
                // The level-1 target; level 2 has its own (equal by default), the map shows one number.
                "mediation-escalation/ConductMediation", days(period(settings, "rapid.mediation.level-one-target")));
    }

    /** The activity's deadline in days, null when it has none. */
    Double days(String processKey, String activityId) {
        return days.get(processKey + "/" + activityId);
    }

    private static Duration duration(Environment settings, String name) {
        return settings.getRequiredProperty(name, Duration.class);
    }

    private static Period period(Environment settings, String name) {
        return settings.getRequiredProperty(name, Period.class);
    }

    private static double days(Duration duration) {
        return duration.toSeconds() / 86_400d;
    }

    private static double days(Period period) {
        return Math.round((period.toTotalMonths() * DAYS_PER_MONTH + period.getDays()) * 10) / 10d;
    }
}
