package fr.defense.rapid.dashboard;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The dashboard API's JSON (a contract with the page's script and the exports). Durations are in
 * days with decimals (a day is 86,400 s of elapsed time); percentiles are interpolated
 * ({@code percentile_cont}: the median of 2, 4 is 3); a share is a decimal (0.75, not 75), null when
 * there is nothing to divide by; amounts are whole euros. Every list holds its keys in a fixed order
 * (the data dictionary's) with zero counts included, so that charts keep their colours.
 */
public final class Figures {

    private Figures() {}

    /** A count under a key of the data dictionary, with its French label. */
    public record KeyCount(String key, String label, long count) {}

    /** {@code count} of {@code total} ({@code share} = count / total, null if total is 0). */
    public record Share(long total, long count, Double share) {

        public static Share of(long total, long count) {
            return new Share(total, count, total == 0 ? null : (double) count / total);
        }
    }

    /** How long something took, over {@code count} samples (median and p90 null if none). */
    public record TimeFigure(long count, Double medianDays, Double p90Days) {}

    /** RAPID (dossiers submitted in the period, see DashboardFilter). */
    public record RapidFigures(
            long dossiers,
            /** Where the cohort's dossiers stand now, by current status (every status, in the procedure's order). */
            List<KeyCount> byStage,
            /** Each month of the period: dossiers submitted in it, dossiers decided (committee) in it. */
            List<MonthCount> perMonth,
            /** Time spent in each stage, from entering it to entering the next, for the cohort's dossiers that left it. */
            List<StageTime> stageTimes,
            /** Submission to the committee's decision, for the cohort's decided dossiers. */
            TimeFigure endToEnd,
            /** Decided dossiers of the cohort decided within the target (4 months, rapid.dashboard.decision-target). */
            Share decidedWithinTarget,
            /** Of the dossiers whose eligibility was checked: the eligible ones. */
            Share eligibility,
            /** Of the decided dossiers: the approved ones. */
            Share approval,
            Amounts amounts,
            List<AmountsBy> byCategory,
            List<AmountsBy> byRegion) {}

    /** A month ({@code 2026-03}) with its French label (« mars 2026 »). */
    public record MonthCount(String month, String label, long submitted, long decided) {}

    public record StageTime(String stage, String label, long count, Double medianDays, Double p90Days) {}

    /**
     * Requested: every dossier of the cohort; proposed: the funding proposals made; granted: the
     * committee's amount for approved dossiers.
     */
    public record Amounts(long requestedEur, long proposedEur, long grantedEur) {}

    public record AmountsBy(
            String key, String label, long dossiers, long requestedEur, long proposedEur, long grantedEur) {}

    /** Open tasks now (the period does not apply): per candidate group, and the overdue ones. */
    public record WorkFigures(
            long openTasks,
            long overdueTasks,
            List<GroupWork> groups,
            /** Oldest due first, at most 50. */
            List<TaskLink> overdue) {}

    public record GroupWork(String groupId, String groupName, long open, long overdue, TaskLink oldest) {}

    /** A task with where to act on it: Tasklist for staff tasks, and the case's staff file. */
    public record TaskLink(
            String taskId,
            String taskName,
            String caseReference,
            OffsetDateTime created,
            OffsetDateTime due,
            double ageDays,
            String tasklistUrl,
            String fileUrl) {}

    /** The mediation service (cases filed in the period). */
    public record MediationFigures(
            long cases,
            List<KeyCount> bySubject,
            /** Current level (1, 2, 3). */
            List<KeyCount> byLevel,
            /** Outcome, and IN_PROGRESS for open cases. */
            List<KeyCount> byOutcome,
            /** Cases answered (answered_at) within 15 French working days of filing, of those answered or past that date. */
            Share answeredWithinCommitment,
            /** Cases whose first contact happened within 7 days of filing, of those contacted or past that date. */
            Share firstContactWithinCommitment,
            /** Closed cases by the level they were closed at: from reaching that level to closure. */
            List<LevelTime> resolutionByLevel,
            /** Cases handed off to the national Médiateur des entreprises (outcome ESCALATED_EXTERNAL). */
            long handedOffToNationalMediator,
            Satisfaction satisfaction,
            LateInterest lateInterest) {}

    public record LevelTime(int level, String label, long count, Double medianDays, Double p90Days) {}

    /** Ratings 1 to 5: how many answers, their mean, and the count of each rating. */
    public record Satisfaction(long answers, Double average, List<KeyCount> byRating) {}

    /** Late-payment cases with interest computed, and the total interest (euros, cents kept). */
    public record LateInterest(long cases, BigDecimal totalEur) {}

    /**
     * The live bottleneck map of one process: per activity, tokens waiting now and the median time
     * spent there over the period, with a level saying how that time stands against the activity's
     * deadline (NONE: no deadline; OK: median under 50 % of it; WARNING: under 100 %; LATE: beyond).
     */
    public record ProcessOverlay(String processKey, String processName, List<ActivityLoad> activities) {}

    public record ActivityLoad(
            String activityId,
            String activityName,
            long waitingNow,
            long overdueNow,
            long completedInPeriod,
            Double medianDays,
            Double deadlineDays,
            String level) {}

    /** The values the filter can take, for the page's selects. */
    public record FilterOptions(List<KeyCount> stages, List<String> regions, List<KeyCount> categories) {}
}
