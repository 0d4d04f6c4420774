package fr.defense.rapid.decision;

import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import fr.defense.rapid.system.Messages;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * « En général, une décision est rendue en N semaines », from what really happened: the median time
 * from submission to the committee's decision of the dossiers decided in the last 12 months
 * ({@code rapid.decision.expected-time.window}), read from the {@code dossier} table, whose
 * {@code submitted_at} and {@code decided_at} are exactly these two moments for every dossier
 * (dossiers closed before a decision, ineligible or withdrawn, have none). With fewer decisions than
 * {@code minimum-sample}, a median would say little: the procedure's target is given instead
 * ({@code default-weeks}, 4 months). "Now" is the engine's clock.
 */
@Component
public class ExpectedDecisionTime {

    private static final BigDecimal SECONDS_PER_WEEK =
            BigDecimal.valueOf(Duration.ofDays(7).toSeconds());

    private final DossierRepository dossiers;
    private final DecisionExplanationSettings.ExpectedTime settings;

    ExpectedDecisionTime(DossierRepository dossiers, DecisionExplanationSettings settings) {
        this.dossiers = dossiers;
        this.settings = settings.expectedTime();
    }

    public DecisionTimeEstimate current() {
        OffsetDateTime now = EngineClock.now();
        OffsetDateTime since = EngineClock.nowInParis().minus(settings.window()).toOffsetDateTime();
        List<Duration> times = dossiers.decisionTimes(since, now);
        if (times.size() < settings.minimumSample()) {
            return new DecisionTimeEstimate(
                    settings.defaultWeeks(),
                    false,
                    times.size(),
                    Messages.get(
                            "expectedTime.default", settings.defaultWeeks(), FrenchFormat.period(settings.window())));
        }
        long weeks = weeks(median(times));
        return new DecisionTimeEstimate(
                weeks,
                true,
                times.size(),
                Messages.get(
                        "expectedTime.history",
                        Messages.get(weeks > 1 ? "expectedTime.weeks.many" : "expectedTime.weeks.one", weeks),
                        Messages.get(
                                times.size() > 1 ? "expectedTime.sample.many" : "expectedTime.sample.one",
                                FrenchFormat.number((long) times.size())),
                        FrenchFormat.period(settings.window())));
    }

    static Duration median(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** To the nearest week, at least one. */
    static long weeks(Duration duration) {
        long weeks = BigDecimal.valueOf(duration.toSeconds())
                .divide(SECONDS_PER_WEEK, 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Math.max(1, weeks);
    }
}
