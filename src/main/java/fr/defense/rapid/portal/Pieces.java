package fr.defense.rapid.portal;

import fr.defense.rapid.attachment.Attachment;
import fr.defense.rapid.attachment.AttachmentKind;
import fr.defense.rapid.attachment.Attachments;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/** The pieces of a dossier as the pages show them: what each kind requires, and the files sent. */
@Component
class Pieces {

    /** A kind of piece: how many files a complete dossier has, which types, how large. */
    record Kind(
            String kind,
            String label,
            int required,
            String description,
            String accept,
            String acceptedLabel,
            String maxSizeLabel) {}

    /** A file sent, with where its owner downloads it. */
    record File(String id, String kind, String fileName, String sizeLabel, String downloadUrl) {}

    private final Attachments attachments;
    private final ScriptJson json;

    Pieces(Attachments attachments, ScriptJson json) {
        this.attachments = attachments;
        this.json = json;
    }

    List<Kind> kinds() {
        String maxSize = attachments.maxFileSizeLabel();
        return Arrays.stream(AttachmentKind.values())
                .map(kind -> new Kind(
                        kind.name(),
                        kind.label(),
                        kind.required(),
                        kind.description(),
                        kind.accept(),
                        kind.acceptedNames(),
                        maxSize))
                .toList();
    }

    List<File> ofDossier(String dossierNumber) {
        return attachments.listForDossier(dossierNumber).stream()
                .map(a -> file(a, "/api/dossiers/" + dossierNumber + "/attachments/"))
                .toList();
    }

    String asJson(List<File> files) {
        return json.of(files);
    }

    private static File file(Attachment a, String downloadBase) {
        return new File(a.id(), a.kind().name(), a.fileName(), a.sizeLabel(), downloadBase + a.id());
    }
}
