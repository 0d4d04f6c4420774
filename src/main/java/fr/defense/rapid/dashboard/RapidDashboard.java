package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.Amounts;
import fr.defense.rapid.dashboard.Figures.AmountsBy;
import fr.defense.rapid.dashboard.Figures.FilterOptions;
import fr.defense.rapid.dashboard.Figures.KeyCount;
import fr.defense.rapid.dashboard.Figures.MonthCount;
import fr.defense.rapid.dashboard.Figures.RapidFigures;
import fr.defense.rapid.dashboard.Figures.Share;
import fr.defense.rapid.dashboard.Figures.StageTime;
import fr.defense.rapid.dashboard.Figures.TimeFigure;
import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * RAPID figures of DashboardFilter's cohort, computed by the database when asked: each query
 * aggregates (counts, sums, {@code percentile_cont}) and returns a handful of rows, whatever the
 * number of dossiers.
 */
@Component
class RapidDashboard {

    static final List<String> CATEGORIES = List.of("SMALL", "MEDIUM", "ETI", "LARGE");

    private static final Collator FRENCH = Collator.getInstance(Locale.FRANCE);

    private final JdbcClient jdbc;
    private final ParisSql paris;
    private final DashboardSettings settings;
    private final FormCatalog forms;

    RapidDashboard(JdbcClient jdbc, ParisSql paris, DashboardSettings settings, FormCatalog forms) {
        this.jdbc = jdbc;
        this.paris = paris;
        this.settings = settings;
        this.forms = forms;
    }

    /**
     * The regions a dossier may name, in the submission form's order (its select's values), then
     * any other region stored (a region renamed since), in French alphabetical order.
     */
    private List<String> regions(Collection<String> stored) {
        List<String> regions = new ArrayList<>(forms.get("submit-dossier")
                .field("companyRegion")
                .map(FormField::allowedValues)
                .orElse(List.of()));
        stored.stream()
                .filter(region -> !regions.contains(region))
                .sorted(FRENCH)
                .forEach(regions::add);
        return regions;
    }

    RapidFigures figures(DashboardFilter filter) {
        Cohort cohort = Cohort.of(filter);
        Totals totals = totals(cohort);
        return new RapidFigures(
                totals.dossiers(),
                byStage(cohort),
                perMonth(filter),
                stageTimes(cohort),
                totals.endToEnd(),
                Share.of(totals.decided(), totals.withinTarget()),
                Share.of(totals.checked(), totals.eligible()),
                Share.of(totals.decided(), totals.approved()),
                totals.amounts(),
                byCategory(cohort),
                byRegion(cohort));
    }

    /** Every value the filter takes, with how many dossiers have it now (all periods). */
    FilterOptions options() {
        Map<String, Long> statuses = countsBy("status");
        Map<String, Long> categories = countsBy("company_category");
        List<String> regions = regions(jdbc.sql("select distinct company_region from dossier")
                .query(String.class)
                .list());
        return new FilterOptions(
                Arrays.stream(DossierStatus.values())
                        .map(status -> new KeyCount(
                                status.name(), Labels.stage(status), statuses.getOrDefault(status.name(), 0L)))
                        .toList(),
                regions,
                CATEGORIES.stream()
                        .map(category -> new KeyCount(
                                category, Labels.category(category), categories.getOrDefault(category, 0L)))
                        .toList());
    }

    private Map<String, Long> countsBy(String column) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select " + column + " as k, count(*) as n from dossier where " + column + " is not null group by "
                        + column)
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }

    private record Totals(
            long dossiers,
            long decided,
            long withinTarget,
            long checked,
            long eligible,
            long approved,
            Amounts amounts,
            TimeFigure endToEnd) {}

    /**
     * One pass over the cohort: counts, shares, amounts, and submission to decision. Within target:
     * decided no later than the submission's Paris date and time plus the target (4 months: 10 March
     * 14:00 → 10 July 14:00).
     */
    private Totals totals(Cohort cohort) {
        String endToEnd = ParisSql.days("d.submitted_at", "d.decided_at");
        String sql = "select count(*) as dossiers, count(d.decided_at) as decided,"
                + " count(case when " + paris.local("d.decided_at") + " <= " + paris.local("d.submitted_at") + " + "
                + ParisSql.interval(settings.decisionTarget()) + " then 1 end) as within_target,"
                + " count(d.eligible) as checked,"
                + " count(case when d.eligible = true then 1 end) as eligible,"
                + " count(case when d.decided_at is not null and d.decision = 'APPROVED' then 1 end) as approved,"
                + " coalesce(sum(d.requested_aid_eur), 0) as requested,"
                + " coalesce(sum(d.proposed_aid_eur), 0) as proposed,"
                + " coalesce(sum(case when d.decision = 'APPROVED' then d.granted_aid_eur end), 0) as granted,"
                + " percentile_cont(0.5) within group (order by " + endToEnd + ") as median_days,"
                + " percentile_cont(0.9) within group (order by " + endToEnd + ") as p90_days"
                + " from dossier d where " + cohort.where();
        return jdbc.sql(sql)
                .params(cohort.parameters())
                .query((rs, row) -> new Totals(
                        rs.getLong("dossiers"),
                        rs.getLong("decided"),
                        rs.getLong("within_target"),
                        rs.getLong("checked"),
                        rs.getLong("eligible"),
                        rs.getLong("approved"),
                        new Amounts(rs.getLong("requested"), rs.getLong("proposed"), rs.getLong("granted")),
                        new TimeFigure(rs.getLong("decided"), number(rs, "median_days"), number(rs, "p90_days"))))
                .single();
    }

    /** Where the cohort stands now: every status, in the procedure's order. */
    private List<KeyCount> byStage(Cohort cohort) {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select d.status, count(*) as n from dossier d where " + cohort.where() + " group by d.status")
                .params(cohort.parameters())
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return Arrays.stream(DossierStatus.values())
                .map(status ->
                        new KeyCount(status.name(), Labels.stage(status), counts.getOrDefault(status.name(), 0L)))
                .toList();
    }

    /**
     * Submissions and decisions by the Paris month they happened in, within the period (the
     * decided dossiers may have been submitted before it); stage, region and category still apply.
     */
    private List<MonthCount> perMonth(DashboardFilter filter) {
        Cohort submitted = Cohort.of(filter, "submitted_at");
        Cohort decided = Cohort.of(filter, "decided_at");
        String submittedYear = "extract(year from " + paris.local("d.submitted_at") + ")";
        String submittedMonth = "extract(month from " + paris.local("d.submitted_at") + ")";
        String decidedYear = "extract(year from " + paris.local("d.decided_at") + ")";
        String decidedMonth = "extract(month from " + paris.local("d.decided_at") + ")";
        String sql = "select 'S' as kind, " + submittedYear + " as y, " + submittedMonth + " as m, count(*) as n"
                + " from dossier d where " + submitted.where()
                + " group by " + submittedYear + ", " + submittedMonth
                + " union all select 'D' as kind, " + decidedYear + " as y, " + decidedMonth + " as m, count(*) as n"
                + " from dossier d where " + decided.where()
                + " group by " + decidedYear + ", " + decidedMonth;
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(filter.from());
                !month.isAfter(YearMonth.from(filter.to()));
                month = month.plusMonths(1)) {
            counts.put(month, new long[2]);
        }
        jdbc.sql(sql).params(submitted.parameters()).query(rs -> {
            YearMonth month = YearMonth.of(rs.getInt("y"), rs.getInt("m"));
            long[] pair = counts.get(month);
            if (pair != null) {
                pair["S".equals(rs.getString("kind")) ? 0 : 1] += rs.getLong("n");
            }
        });
        return counts.entrySet().stream()
                .map(entry -> new MonthCount(
                        entry.getKey().toString(),
                        Labels.month(entry.getKey()),
                        entry.getValue()[0],
                        entry.getValue()[1]))
                .toList();
    }

    /**
     * Each stay in a stage, from its timeline event (event_type = the status) to the dossier's next
     * stage event (LEAD over the dossier's stage events): stays not over yet have no next event and
     * are left out. A dossier back in a stage (complements) counts one stay per visit. Stages a
     * dossier never leaves (closing ones) are not listed.
     */
    private List<StageTime> stageTimes(Cohort cohort) {
        Map<String, Object> parameters = new HashMap<>(cohort.parameters());
        parameters.put(
                "stages", Arrays.stream(DossierStatus.values()).map(Enum::name).toList());
        String sql = "select s.event_type, count(*) as n,"
                + " percentile_cont(0.5) within group (order by s.days) as median_days,"
                + " percentile_cont(0.9) within group (order by s.days) as p90_days"
                + " from (select e.event_type,"
                + " (cast(extract(epoch from lead(e.occurred_at) over (partition by e.case_reference order by e.occurred_at, e.id))"
                + " - extract(epoch from e.occurred_at) as double precision) / 86400) as days"
                + " from case_event e join dossier d on d.dossier_number = e.case_reference"
                + " where " + cohort.where() + " and e.event_type in (:stages)) s"
                + " where s.days is not null group by s.event_type";
        Map<String, StageTime> times = new HashMap<>();
        jdbc.sql(sql).params(parameters).query(rs -> {
            DossierStatus status = DossierStatus.valueOf(rs.getString("event_type"));
            times.put(
                    status.name(),
                    new StageTime(
                            status.name(),
                            Labels.stage(status),
                            rs.getLong("n"),
                            number(rs, "median_days"),
                            number(rs, "p90_days")));
        });
        return Arrays.stream(DossierStatus.values())
                .filter(status -> !status.closing())
                .map(status -> times.getOrDefault(
                        status.name(), new StageTime(status.name(), Labels.stage(status), 0, null, null)))
                .toList();
    }

    /** The four categories in the data dictionary's order; dossiers not yet categorised are left out. */
    private List<AmountsBy> byCategory(Cohort cohort) {
        Map<String, AmountsBy> found = amountsBy(cohort, "d.company_category");
        return CATEGORIES.stream()
                .map(category ->
                        found.getOrDefault(category, new AmountsBy(category, Labels.category(category), 0, 0, 0, 0)))
                .map(amounts -> new AmountsBy(
                        amounts.key(),
                        Labels.category(amounts.key()),
                        amounts.dossiers(),
                        amounts.requestedEur(),
                        amounts.proposedEur(),
                        amounts.grantedEur()))
                .toList();
    }

    /** Every region of the submission form, in its order, idle ones included. */
    private List<AmountsBy> byRegion(Cohort cohort) {
        Map<String, AmountsBy> found = amountsBy(cohort, "d.company_region");
        return regions(found.keySet()).stream()
                .map(region -> found.getOrDefault(region, new AmountsBy(region, region, 0, 0, 0, 0)))
                .toList();
    }

    private Map<String, AmountsBy> amountsBy(Cohort cohort, String column) {
        String sql = "select " + column + " as k, count(*) as n,"
                + " coalesce(sum(d.requested_aid_eur), 0) as requested,"
                + " coalesce(sum(d.proposed_aid_eur), 0) as proposed,"
                + " coalesce(sum(case when d.decision = 'APPROVED' then d.granted_aid_eur end), 0) as granted"
                + " from dossier d where " + cohort.where() + " and " + column + " is not null group by " + column;
        Map<String, AmountsBy> found = new HashMap<>();
        jdbc.sql(sql).params(cohort.parameters()).query(rs -> {
            String key = rs.getString("k");
            found.put(
                    key,
                    new AmountsBy(
                            key,
                            key,
                            rs.getLong("n"),
                            rs.getLong("requested"),
                            rs.getLong("proposed"),
                            rs.getLong("granted")));
        });
        return found;
    }

    static Double number(ResultSet rs, String column) throws SQLException {
        Number value = (Number) rs.getObject(column);
        return value == null ? null : value.doubleValue();
    }
}
