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

    @Override
    public String toString() {
        return value;
    }
}
