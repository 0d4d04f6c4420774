package fr.defense.rapid.mediation;

import static fr.defense.rapid.system.EngineClock.PARIS;
import static fr.defense.rapid.system.EngineClock.nowInParis;

import fr.defense.rapid.system.FrenchFormat;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The due dates of a mediation case, on the engine clock (tests move it) and in Paris time, where
 * the service's days and months are counted. The model reads them as
 * {@code ${mediationDeadlines.levelDueDate(level)}}.
 */
@Component
class MediationDeadlines {

    private final MediationSettings settings;

    public MediationDeadlines(MediationSettings settings) {
        this.settings = settings;
    }

    /** The end of the last of the working days the service commits to answer within. */
    public Date answerDueDate() {
        ZonedDateTime filed = nowInParis();
        return endOf(ZonedDateTime.of(
                FrenchWorkingDays.plusWorkingDays(filed.toLocalDate(), settings.answerWorkingDays()),
                LocalTime.MAX,
                PARIS));
    }

    public Date firstContactDueDate() {
        return Date.from(nowInParis().plus(settings.firstContact()).toInstant());
    }

    /** The target of the mediation at a level (1 or 2), from now: the level has just started. */
    public Date levelDueDate(Number level) {
        Period target = level.intValue() == 1 ? settings.levelOneTarget() : settings.levelTwoTarget();
        return Date.from(nowInParis().plus(target).toInstant());
    }

    /** The renewed target: the current one pushed back once, with the parties' agreement. */
    public Date renewedDueDate(Date current) {
        return Date.from(
                current.toInstant().atZone(PARIS).plus(settings.renewal()).toInstant());
    }

    /**
     * Sets the level's target, and the same as a French day for the forms' texts
     * ({@code {{mediationDueDay}}}), which show variables as they are.
     */
    public void setMediationDueDate(VariableScope execution, Date due) {
        execution.setVariable("mediationDueDate", due);
        execution.setVariable("mediationDueDay", FrenchFormat.date(due));
    }

    public Date surveyDueDate() {
        return Date.from(nowInParis().plus(settings.surveyPeriod()).toInstant());
    }

    private static Date endOf(ZonedDateTime day) {
        return Date.from(day.withNano(0).toInstant());
    }
}
