package fr.defense.rapid.dossier;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A dossier as stored: identity, where it stands, and what the procedure derived from it. */
public record Dossier(
        String dossierNumber,
        DossierStatus status,
        String ownerId,
        String processInstanceId,
        String companySiren,
        String companyName,
        String projectTitle,
        long requestedAidEur,
        String contactEmail,
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
        OffsetDateTime closedAt) {
}
