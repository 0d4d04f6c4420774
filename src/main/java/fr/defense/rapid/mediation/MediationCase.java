package fr.defense.rapid.mediation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.defense.rapid.procedure.OwnedCases;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A mediation case as stored: the request, its level, what was found and how it ended. */
public record MediationCase(
        String caseNumber,
        @JsonIgnore String ownerId,
        @JsonIgnore String processInstanceId,
        int level,
        Boolean admissible,
        MediationOutcome outcome,
        @JsonUnwrapped MediationRequest request,
        Long lateDays,
        BigDecimal lateInterestEur,
        @JsonIgnore String lateInterestComputation,
        Integer satisfactionRating,
        String satisfactionComment,
        OffsetDateTime filedAt,
        OffsetDateTime answeredAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt)
        implements OwnedCases.OwnedCase {

    @JsonProperty
    public String levelLabel() {
        return levelLabel(level);
    }

    @JsonProperty
    public String statusLabel() {
        return outcome == null ? "En cours de médiation — " + levelLabel() : outcome.label();
    }

    @JsonProperty
    public String subjectLabel() {
        return request.subject().label();
    }

    public static String levelLabel(int level) {
        return switch (level) {
            case 1 -> "correspondant PME";
            case 2 -> "médiateur du ministère";
            default -> "Médiateur des entreprises";
        };
    }
}
