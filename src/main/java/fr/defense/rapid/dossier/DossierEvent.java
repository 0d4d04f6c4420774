package fr.defense.rapid.dossier;

import java.time.OffsetDateTime;

/** One line of a dossier's timeline. */
public record DossierEvent(OffsetDateTime occurredAt, String eventType, String description) {
}
