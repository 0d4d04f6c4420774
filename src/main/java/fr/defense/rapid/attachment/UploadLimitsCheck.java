package fr.defense.rapid.attachment;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Stops the start when a file of {@code rapid.attachments.max-file-size} could not reach us: the
 * request bound {@code rapid.security.max-upload} must leave room for it and its multipart envelope,
 * or such a file would get the generic 413 instead of the attachment's own refusal, or none at all.
 */
@Component
class UploadLimitsCheck {

    UploadLimitsCheck(AttachmentSettings settings, Environment environment) {
        DataSize upload = Binder.get(environment)
                .bind("rapid.security.max-upload", DataSize.class)
                .orElseThrow(() -> new IllegalStateException("rapid.security.max-upload is not set"));
        if (upload.toBytes() <= settings.maxFileSize().toBytes()) {
            throw new IllegalStateException("rapid.security.max-upload (" + upload
                    + ") must exceed rapid.attachments.max-file-size (" + settings.maxFileSize()
                    + "): a file at the limit and its multipart envelope travel in one request");
        }
        if (settings.maxDossierTotal().toBytes() < settings.maxFileSize().toBytes()) {
            throw new IllegalStateException("rapid.attachments.max-dossier-total (" + settings.maxDossierTotal()
                    + ") must be at least rapid.attachments.max-file-size (" + settings.maxFileSize() + ")");
        }
    }
}
