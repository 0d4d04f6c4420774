package fr.defense.rapid.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filter as an SQL condition on {@code dossier d}: the period on one of its instants
 * ({@code submitted_at} for the cohort), then stage, region and category when set. Only the set
 * criteria are written, so that the database sees plain equalities it can use indexes for.
 */
record Cohort(String where, Map<String, Object> parameters) {

    static Cohort of(DashboardFilter filter) {
        return of(filter, "submitted_at");
    }

    static Cohort of(DashboardFilter filter, String instant) {
        StringBuilder where = new StringBuilder("d." + instant + " >= :start and d." + instant + " < :end");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("start", filter.start());
        parameters.put("end", filter.end());
        if (filter.stage() != null) {
            where.append(" and d.status = :stage");
            parameters.put("stage", filter.stage());
        }
        if (filter.region() != null) {
            where.append(" and d.company_region = :region");
            parameters.put("region", filter.region());
        }
        if (filter.category() != null) {
            where.append(" and d.company_category = :category");
            parameters.put("category", filter.category());
        }
        return new Cohort(where.toString(), parameters);
    }
}
