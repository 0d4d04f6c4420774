package fr.defense.rapid.dossier;

import java.time.OffsetDateTime;

/** A dossier in a list, or as a submission answers it ({@code POST /api/dossiers}, a draft's submission). */
public record DossierSummary(
        String dossierNumber,
        String projectTitle,
        DossierStatus status,
        String statusLabel,
        OffsetDateTime submittedAt) {

    public static DossierSummary of(Dossier d) {
        return new DossierSummary(
                d.dossierNumber(), d.submission().projectTitle(), d.status(), d.statusLabel(), d.submittedAt());
    }
}
