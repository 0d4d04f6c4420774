package fr.defense.rapid.procedure;

import java.util.Arrays;
import java.util.Optional;

/**
 * The number of a case of one of our procedures ({@code RAPID-2026-00042}, {@code MED-2026-00007}):
 * the business key of its process instance. The one place that reads the procedure off a number.
 */
public record CaseReference(String value, Procedure procedure) {

    /** The case a business key names, if it is one of ours (other processes may have none or another). */
    public static Optional<CaseReference> of(String businessKey) {
        if (businessKey == null) {
            return Optional.empty();
        }
        return Arrays.stream(Procedure.values())
                .filter(procedure -> businessKey.startsWith(procedure.prefix() + "-"))
                .findFirst()
                .map(procedure -> new CaseReference(businessKey, procedure));
    }

    public static boolean isMediation(String businessKey) {
        return of(businessKey)
                .map(reference -> reference.procedure() == Procedure.MEDIATION)
                .orElse(false);
    }

    public static boolean isRapid(String businessKey) {
        return of(businessKey)
                .map(reference -> reference.procedure() == Procedure.RAPID)
                .orElse(false);
    }

    private static final String NAME_SEPARATOR = " — ";

    /**
     * A staff task's name as Tasklist lists it: the step, the case and its company
     * (« Évaluation technique — RAPID-2026-00042 — Optronique du Lac »), so that its rows and its
     * search (task names) find a case by number or company.
     */
    public static String taskName(String step, String reference, Object companyName) {
        return step + NAME_SEPARATOR + reference + (companyName == null ? "" : NAME_SEPARATOR + companyName);
    }

    /** The step a task's name states, without the case and company that {@link #taskName} adds. */
    public static String stepOf(String taskName) {
        if (taskName == null) {
            return null;
        }
        for (Procedure procedure : Procedure.values()) {
            int at = taskName.indexOf(NAME_SEPARATOR + procedure.prefix() + "-");
            if (at >= 0) {
                return taskName.substring(0, at);
            }
        }
        return taskName;
    }

    @Override
    public String toString() {
        return value;
    }
}
