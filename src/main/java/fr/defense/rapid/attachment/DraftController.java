package fr.defense.rapid.attachment;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.dossier.DossierSummary;
import fr.defense.rapid.system.Messages;
import fr.defense.rapid.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The SME's current dossier draft: its values and files, saved as it goes, then submitted as a dossier. */
@RestController
@RequestMapping("/api/drafts/dossier")
@Tag(name = "Brouillon de dossier", description = "Le dossier en cours de saisie et ses pièces jointes, jusqu'au dépôt")
class DraftController {

    static final String ATTACHMENTS = "/api/drafts/dossier/attachments/";

    private final Drafts drafts;
    private final Attachments attachments;
    private final AttachmentRepository files;
    private final DraftSubmissions submissions;

    DraftController(Drafts drafts, Attachments attachments, AttachmentRepository files, DraftSubmissions submissions) {
        this.drafts = drafts;
        this.attachments = attachments;
        this.files = files;
        this.submissions = submissions;
    }

    @GetMapping
    @Operation(summary = "Mon brouillon de dossier (vide s'il n'y en a pas)")
    Drafts.DraftView get(Authentication authentication) {
        return drafts.of(authentication.getName());
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Enregistrer mon brouillon",
            description = "Les valeurs du formulaire de dépôt, même incomplètes ; les autres clés ne sont pas gardées.")
    Drafts.DraftView save(@RequestBody JsonNode values, Authentication authentication) {
        return drafts.save(authentication.getName(), values);
    }

    @PostMapping(path = "/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Joindre un fichier à mon brouillon",
            description =
                    "kind : PROJECT_DESCRIPTION (PDF), TAX_RETURN (PDF, 2 fichiers), FINANCIAL_ANNEX (PDF, XLSX ou ODS). "
                            + "Le type est lu dans le contenu du fichier, pas dans son nom. Refus : 422 en français.")
    ResponseEntity<Attachment> add(
            @RequestParam String kind,
            @RequestParam(required = false) MultipartFile file,
            Authentication authentication)
            throws IOException {
        Upload upload = Upload.of(kind, file);
        Attachment added =
                attachments.addToDraft(authentication.getName(), upload.kind(), upload.fileName(), upload.content());
        return ResponseEntity.created(URI.create(ATTACHMENTS + added.id())).body(added);
    }

    @GetMapping("/attachments/{id}")
    @Operation(summary = "Télécharger un fichier de mon brouillon")
    ResponseEntity<byte[]> download(@PathVariable String id, Authentication authentication) {
        return Downloads.of(files.contentInDraft(authentication.getName(), id).orElseThrow(() -> notFound(id)));
    }

    @DeleteMapping("/attachments/{id}")
    @Operation(summary = "Retirer un fichier de mon brouillon")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication authentication) {
        if (files.deleteFromDraft(authentication.getName(), id) == 0) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/submit")
    @Operation(
            summary = "Déposer mon brouillon",
            description =
                    "Mêmes règles que POST /api/dossiers, et toutes les pièces requises ; le brouillon devient "
                            + "le dossier (201), ses fichiers y passent. Avec Idempotency-Key, une répétition rend le même dossier (200).")
    ResponseEntity<DossierSummary> submit(
            @RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication authentication) {
        return submissions.submit(authentication, key);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException(Messages.get("attachment.notFound", id));
    }
}
