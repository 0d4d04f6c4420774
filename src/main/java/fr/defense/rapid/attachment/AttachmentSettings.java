package fr.defense.rapid.attachment;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How large attachments may be ({@code rapid.attachments.*}), checked at start-up. An upload also
 * passes {@code rapid.security.max-upload}, the bound of any multipart request, which must leave
 * room for a file of {@code max-file-size} and its envelope (see UploadLimitsCheck).
 *
 * @param maxFileSize     one file
 * @param maxDossierTotal all the files of one dossier (or draft) together
 */
@ConfigurationProperties("rapid.attachments")
@Validated
record AttachmentSettings(
        @NotNull DataSize maxFileSize, @NotNull DataSize maxDossierTotal) {}
