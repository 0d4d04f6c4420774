package fr.defense.rapid.procedure;

import java.time.OffsetDateTime;

/** One line of a case's timeline: what happened, when, in plain French. */
public record TimelineEntry(OffsetDateTime occurredAt, String eventType, String description) {}
