package fr.defense.rapid.dashboard;

import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the manager looks at: a period of Paris days ({@code from} and {@code to} included), and
 * optionally one stage (a dossier's current status, {@link DossierStatus}), one region
 * ({@code companyRegion}) and one company category ({@code companyCategory}).
 *
 * <p>RAPID figures are about the dossiers <em>submitted</em> in the period (a cohort), except the
 * monthly series, which counts submissions and decisions by the month they happened in. Mediation
 * figures are about the cases <em>filed</em> in the period; stage, region and category concern
 * dossiers only (a mediation request carries no region nor category). Work figures (open tasks) are
 * about now, whatever the period.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String stage, String region, String category) {

    /** Company categories of the data dictionary, as the eligibility table gives them. */
    public static final Set<String> CATEGORIES = Set.of("SMALL", "MEDIUM", "ETI", "LARGE");

    /** The default period: the last 12 months, today (engine clock, Paris) included. */
    public static DashboardFilter lastTwelveMonths() {
        LocalDate today = EngineClock.today();
        return new DashboardFilter(today.minusMonths(12).plusDays(1), today, null, null, null);
    }

    /**
     * The filter of a request's parameters, each optional; blank means « all ». Bad values are
     * refused together, in French (400 through ApiProblems), before anything is read.
     */
    public static DashboardFilter parse(String from, String to, String stage, String region, String category) {
        DashboardFilter defaults = lastTwelveMonths();
        List<FieldViolation> violations = new ArrayList<>();
        LocalDate start = date("from", from, defaults.from(), violations);
        LocalDate end = date("to", to, defaults.to(), violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new FieldViolation("from", "la date de début doit précéder la date de fin."));
        }
        String status = blankToNull(stage);
        if (status != null
                && Arrays.stream(DossierStatus.values()).noneMatch(s -> s.name().equals(status))) {
            violations.add(new FieldViolation("stage", "étape « " + status + " » inconnue."));
        }
        String regionName = blankToNull(region);
        if (regionName != null && regionName.length() > 100) {
            violations.add(new FieldViolation("region", "100 caractères au plus."));
        }
        String companyCategory = blankToNull(category);
        if (companyCategory != null && !CATEGORIES.contains(companyCategory)) {
            violations.add(new FieldViolation(
                    "category", "catégorie « " + companyCategory + " » inconnue (SMALL, MEDIUM, ETI ou LARGE)."));
        }
        if (!violations.isEmpty()) {
            throw new FormValidationException("dashboard-filter", violations);
        }
        return new DashboardFilter(start, end, status, regionName, companyCategory);
    }

    /** The first instant of the period (00:00 in Paris on {@code from}). */
    public OffsetDateTime start() {
        return from.atStartOfDay(EngineClock.PARIS).toOffsetDateTime();
    }

    /** The first instant after the period (00:00 in Paris on the day after {@code to}). */
    public OffsetDateTime end() {
        return to.plusDays(1).atStartOfDay(EngineClock.PARIS).toOffsetDateTime();
    }

    /** The filter as query parameters (links, export log), only those that are set. */
    public Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("from", from.toString());
        parameters.put("to", to.toString());
        if (stage != null) {
            parameters.put("stage", stage);
        }
        if (region != null) {
            parameters.put("region", region);
        }
        if (category != null) {
            parameters.put("category", category);
        }
        return parameters;
    }

    private static LocalDate date(String field, String value, LocalDate fallback, List<FieldViolation> violations) {
        String text = blankToNull(value);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "date « " + text + " » invalide (attendu : AAAA-MM-JJ)."));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
