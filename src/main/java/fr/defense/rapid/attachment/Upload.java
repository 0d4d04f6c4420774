package fr.defense.rapid.attachment;

import fr.defense.rapid.system.Messages;
import java.io.IOException;
import java.util.Arrays;
import org.springframework.web.multipart.MultipartFile;

/** What a multipart upload carries: the piece it is for and the file, read whole (at most the per-file limit plus the envelope). */
record Upload(AttachmentKind kind, String fileName, byte[] content) {

    static Upload of(String kind, MultipartFile file) throws IOException {
        AttachmentKind piece = Arrays.stream(AttachmentKind.values())
                .filter(k -> k.name().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AttachmentRefusedException(Messages.get("attachment.kind", kind)));
        if (file == null) {
            throw new AttachmentRefusedException(Messages.get("attachment.noFile"));
        }
        return new Upload(piece, Attachments.fileName(file.getOriginalFilename()), file.getBytes());
    }
}
