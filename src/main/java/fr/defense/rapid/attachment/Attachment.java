package fr.defense.rapid.attachment;

import java.time.OffsetDateTime;

/**
 * A stored file, as the API and the pages show it (never its content).
 *
 * @param contentType the type read from its bytes, not the one its sender declared
 * @param size        in bytes; {@code sizeLabel} says it the French way (« 1,2 Mo »)
 */
public record Attachment(
        String id,
        AttachmentKind kind,
        String kindLabel,
        String fileName,
        String contentType,
        long size,
        String sizeLabel,
        String sha256,
        OffsetDateTime uploadedAt) {}
