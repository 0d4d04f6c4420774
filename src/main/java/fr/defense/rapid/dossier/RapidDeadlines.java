package fr.defense.rapid.dossier;

import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * The due dates of the RAPID procedure, computed from the settings on the engine clock (so that
 * tests can move time). The model's timers and due dates read them as
 * {@code ${rapidDeadlines.evaluationDueDate()}}.
 */
@Component
public class RapidDeadlines {

    private final RapidDeadlineSettings settings;

    public RapidDeadlines(RapidDeadlineSettings settings) {
        this.settings = settings;
    }

    public Date evaluationDueDate() {
        return fromNow(settings.evaluationSla());
    }

    public Date complementsDueDate() {
        return fromNow(settings.complements());
    }

    public Date complementsReminderDate() {
        return fromNow(settings.complements().minus(settings.complementsReminderBefore()));
    }

    public Date agreementDueDate() {
        return fromNow(settings.agreementAcceptance());
    }

    /**
     * A rejection may be contested for two months (counted in Paris), up to the end of the last
     * day: the letter says "jusqu'au <date>", which a reader takes as the whole day.
     */
    public Date contestDueDate() {
        return Date.from(EngineClock.nowInParis()
                .plus(settings.contestPeriod())
                .with(LocalTime.MAX)
                .withNano(0)
                .toInstant());
    }

    /** How long the experts have, as the overdue alert says it (« 21 jours »). */
    public String evaluationSlaInWords() {
        return FrenchFormat.duration(settings.evaluationSla());
    }

    /** How long a rejection may be contested, as the rejection letter says it (« deux mois »). */
    public String contestPeriodInWords() {
        return FrenchFormat.period(settings.contestPeriod());
    }

    private static Date fromNow(Duration duration) {
        return Date.from(EngineClock.now().plus(duration).toInstant());
    }
}
