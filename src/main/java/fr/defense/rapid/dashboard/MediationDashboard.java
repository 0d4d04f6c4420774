package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.KeyCount;
import fr.defense.rapid.dashboard.Figures.LateInterest;
import fr.defense.rapid.dashboard.Figures.LevelTime;
import fr.defense.rapid.dashboard.Figures.MediationFigures;
import fr.defense.rapid.dashboard.Figures.Satisfaction;
import fr.defense.rapid.dashboard.Figures.Share;
import fr.defense.rapid.mediation.FrenchWorkingDays;
import fr.defense.rapid.mediation.MediationOutcome;
import fr.defense.rapid.mediation.MediationSettings;
import fr.defense.rapid.mediation.MediationSubject;
import fr.defense.rapid.system.EngineClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mediation figures of the cases filed in the period (stage, region and category concern dossiers
 * only). Aggregated by the database; the working-day calendar, which lives in Java (Jollyday), is
 * handed to it as one row per Paris day on which cases were filed.
 */
@Component
class MediationDashboard {

    private static final String COHORT = "m.filed_at >= :start and m.filed_at < :end";
    private static final List<Integer> LEVELS = List.of(1, 2, 3);

    private final JdbcClient jdbc;
    private final ParisSql paris;
    private final MediationSettings settings;

    MediationDashboard(JdbcClient jdbc, ParisSql paris, MediationSettings settings) {
        this.jdbc = jdbc;
        this.paris = paris;
        this.settings = settings;
    }

    MediationFigures figures(DashboardFilter filter) {
        Map<String, Object> period = Map.of("start", filter.start(), "end", filter.end());
        Map<String, Map<String, Long>> counts = counts(period);
        Share[] commitments = commitments(period);
        return jdbc.sql("select count(*) as cases,"
                        + " count(case when m.outcome = 'ESCALATED_EXTERNAL' then 1 end) as handed_off,"
                        + " count(m.satisfaction_rating) as answers,"
                        + " avg(cast(m.satisfaction_rating as double precision)) as average,"
                        + " count(m.late_interest_eur) as interest_cases,"
                        + " coalesce(sum(m.late_interest_eur), 0) as interest"
                        + " from mediation_case m where " + COHORT)
                .params(period)
                .query((rs, row) -> new MediationFigures(
                        rs.getLong("cases"),
                        Arrays.stream(MediationSubject.values())
                                .map(subject -> keyCount(counts, "subject", subject.name(), Labels.subject(subject)))
                                .toList(),
                        LEVELS.stream()
                                .map(level -> keyCount(counts, "level", String.valueOf(level), Labels.level(level)))
                                .toList(),
                        Stream.concat(
                                        Arrays.stream(MediationOutcome.values()).map(Enum::name),
                                        Stream.of(Labels.IN_PROGRESS))
                                .map(outcome -> keyCount(counts, "outcome", outcome, Labels.outcome(outcome)))
                                .toList(),
                        commitments[0],
                        commitments[1],
                        resolutionByLevel(period),
                        rs.getLong("handed_off"),
                        new Satisfaction(
                                rs.getLong("answers"),
                                RapidDashboard.number(rs, "average"),
                                IntStream.rangeClosed(1, 5)
                                        .mapToObj(rating -> keyCount(
                                                counts, "rating", String.valueOf(rating), Labels.rating(rating)))
                                        .toList()),
                        new LateInterest(rs.getLong("interest_cases"), interest(rs.getBigDecimal("interest")))))
                .single();
    }

    /** Cases by subject, level, outcome (IN_PROGRESS while open) and rating, in one round trip. */
    private Map<String, Map<String, Long>> counts(Map<String, Object> period) {
        String sql = "select 'subject' as dimension, m.subject as k, count(*) as n from mediation_case m where "
                + COHORT + " group by m.subject"
                + " union all select 'level', cast(m.level as varchar(2)), count(*) from mediation_case m where "
                + COHORT + " group by m.level"
                + " union all select 'outcome', coalesce(m.outcome, '" + Labels.IN_PROGRESS
                + "'), count(*) from mediation_case m where " + COHORT + " group by m.outcome"
                + " union all select 'rating', cast(m.satisfaction_rating as varchar(2)), count(*) from mediation_case m"
                + " where " + COHORT + " and m.satisfaction_rating is not null group by m.satisfaction_rating";
        Map<String, Map<String, Long>> counts = new HashMap<>();
        jdbc.sql(sql).params(period).query(rs -> {
            counts.computeIfAbsent(rs.getString("dimension"), d -> new HashMap<>())
                    .put(rs.getString("k").strip(), rs.getLong("n"));
        });
        return counts;
    }

    private static KeyCount keyCount(
            Map<String, Map<String, Long>> counts, String dimension, String key, String label) {
        return new KeyCount(key, label, counts.getOrDefault(dimension, Map.of()).getOrDefault(key, 0L));
    }

    /**
     * The two commitments, counted on the cases whose deadline is known: answered (or contacted),
     * or not yet but past the deadline's day while still open on that day (a request withdrawn
     * before its deadline missed nothing); a request found not admissible is never contacted, so
     * it does not count for the first contact. Answer: {@code answered_at}'s Paris day no later than
     * the 15th French working day after the filing day (the process's own deadline is the end of
     * that day). First contact: the day the correspondent declared for it, which is the case's
     * first level-1 action (RecordFirstContact writes it; level 1 has no action before it and a
     * case escalated without a contact has none), no later than the filing day plus 7 days. The
     * declared day rather than the FIRST_CONTACT event's time: the commitment is about when the
     * SME was contacted, not when the form was completed.
     */
    private Share[] commitments(Map<String, Object> period) {
        List<LocalDate> days = jdbc.sql("select distinct " + paris.day("m.filed_at") + " as filed_day"
                        + " from mediation_case m where " + COHORT)
                .params(period)
                .query((rs, row) -> rs.getObject("filed_day", LocalDate.class))
                .list();
        if (days.isEmpty()) {
            return new Share[] {Share.of(0, 0), Share.of(0, 0)};
        }
        Map<String, Object> parameters = new HashMap<>(period);
        parameters.put("today", EngineClock.today());
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            rows.add("(cast(:f" + i + " as date), cast(:a" + i + " as date), cast(:c" + i + " as date))");
            parameters.put("f" + i, day);
            parameters.put("a" + i, FrenchWorkingDays.plusWorkingDays(day, settings.answerWorkingDays()));
            parameters.put("c" + i, day.plus(settings.firstContact()));
        }
        String sql = "select"
                + " count(case when m.answered_at is not null or (v.answer_day < :today and (m.closed_at is null or "
                + paris.day("m.closed_at") + " > v.answer_day)) then 1 end) as answer_total,"
                + " count(case when " + paris.day("m.answered_at") + " <= v.answer_day then 1 end) as answer_within,"
                + " count(case when c.contact_day is not null or (v.contact_day < :today"
                + " and (m.admissible is null or m.admissible = true) and (m.closed_at is null or "
                + paris.day("m.closed_at") + " > v.contact_day)) then 1 end) as contact_total,"
                + " count(case when c.contact_day <= v.contact_day then 1 end) as contact_within"
                + " from mediation_case m"
                + " join (values " + String.join(", ", rows) + ") as v (filed_day, answer_day, contact_day)"
                + " on " + paris.day("m.filed_at") + " = v.filed_day"
                + " left join (select a.case_number, min(a.action_date) as contact_day from mediation_action a"
                + " where a.level = 1 group by a.case_number) c on c.case_number = m.case_number"
                + " where " + COHORT;
        return jdbc.sql(sql)
                .params(parameters)
                .query((rs, row) -> new Share[] {
                    Share.of(rs.getLong("answer_total"), rs.getLong("answer_within")),
                    Share.of(rs.getLong("contact_total"), rs.getLong("contact_within"))
                })
                .single();
    }

    /**
     * Closed cases by the level they closed at, from reaching it (the filing for level 1, the
     * ESCALATED_TO_LEVEL_n event otherwise) to {@code closed_at}.
     */
    private List<LevelTime> resolutionByLevel(Map<String, Object> period) {
        String days = ParisSql.days("r.reached_at", "r.closed_at");
        String sql = "select r.level, count(*) as n,"
                + " percentile_cont(0.5) within group (order by " + days + ") as median_days,"
                + " percentile_cont(0.9) within group (order by " + days + ") as p90_days"
                + " from (select m.level, m.closed_at,"
                + " case when m.level = 1 then m.filed_at else e.occurred_at end as reached_at"
                + " from mediation_case m left join case_event e on e.case_reference = m.case_number"
                + " and e.event_type = 'ESCALATED_TO_LEVEL_' || cast(m.level as varchar(2))"
                + " where " + COHORT + " and m.closed_at is not null) r"
                + " where r.reached_at is not null group by r.level";
        Map<Integer, LevelTime> times = new HashMap<>();
        jdbc.sql(sql).params(period).query(rs -> {
            int level = rs.getInt("level");
            times.put(
                    level,
                    new LevelTime(
                            level,
                            Labels.level(level),
                            rs.getLong("n"),
                            RapidDashboard.number(rs, "median_days"),
                            RapidDashboard.number(rs, "p90_days")));
        });
        return LEVELS.stream()
                .map(level -> times.getOrDefault(level, new LevelTime(level, Labels.level(level), 0, null, null)))
                .toList();
    }

    /** Cents kept, two decimals whatever the database's sum type. */
    private static BigDecimal interest(BigDecimal total) {
        return (total == null ? BigDecimal.ZERO : total).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
