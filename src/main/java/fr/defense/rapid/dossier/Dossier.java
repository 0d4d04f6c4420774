package fr.defense.rapid.dossier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.defense.rapid.procedure.OwnedCases;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A dossier as stored: the submitted fields, where it stands, and what the procedure derived. */
public record Dossier(
        String dossierNumber,
        DossierStatus status,
        @JsonIgnore String ownerId,
        @JsonIgnore String processInstanceId,
        @JsonUnwrapped DossierSubmission submission,
        String companyCategory,
        Boolean eligible,
        String ineligibilityReasons,
        BigDecimal fundingRate,
        Long proposedAidEur,
        String decision,
        Long grantedAidEur,
        String decisionMotivation,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime decidedAt,
        OffsetDateTime closedAt,
        String mediationCaseNumber)
        implements OwnedCases.OwnedCase {

    @JsonProperty
    public String statusLabel() {
        return status.description();
    }
}
