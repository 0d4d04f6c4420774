package fr.defense.rapid.attachment;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.system.Messages;
import fr.defense.rapid.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files of one of the SME's dossiers: list, add (complements, until the committee decides), download. Only one's own. */
@RestController
@RequestMapping("/api/dossiers/{dossierNumber}/attachments")
@Tag(name = "Dossiers RAPID")
class DossierAttachmentController {

    private final DossierRepository dossiers;
    private final Attachments attachments;

    private final CaseOwners owners;

    DossierAttachmentController(DossierRepository dossiers, Attachments attachments, CaseOwners owners) {
        this.dossiers = dossiers;
        this.attachments = attachments;
        this.owners = owners;
    }

    @GetMapping
    @Operation(summary = "Les pièces jointes d'un de mes dossiers")
    List<Attachment> list(@PathVariable String dossierNumber, Authentication authentication) {
        return attachments.listForDossier(own(dossierNumber, authentication).dossierNumber());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Joindre un fichier à un de mes dossiers (compléments)",
            description = "Possible tant que le dossier est ouvert, avant la décision du comité (409 ensuite). "
                    + "Mêmes règles que pour le brouillon.")
    ResponseEntity<Attachment> add(
            @PathVariable String dossierNumber,
            @RequestParam String kind,
            @RequestParam(required = false) MultipartFile file,
            Authentication authentication)
            throws IOException {
        own(dossierNumber, authentication);
        Upload upload = Upload.of(kind, file);
        Attachment added = attachments.addToDossier(dossierNumber, upload.kind(), upload.fileName(), upload.content());
        return ResponseEntity.created(URI.create("/api/dossiers/" + dossierNumber + "/attachments/" + added.id()))
                .body(added);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Télécharger une pièce jointe d'un de mes dossiers")
    ResponseEntity<byte[]> download(
            @PathVariable String dossierNumber, @PathVariable String id, Authentication authentication) {
        own(dossierNumber, authentication);
        return Downloads.of(
                attachments.fileOfDossier(dossierNumber, id).orElseThrow(() -> DraftController.notFound(id)));
    }

    /** The dossier, if this SME's company filed it; any other reads as unknown (404: no oracle). */
    private Dossier own(String dossierNumber, Authentication authentication) {
        return dossiers.find(dossierNumber)
                .filter(dossier -> owners.shares(authentication.getName(), dossier.ownerId()))
                .orElseThrow(() -> new NotFoundException(Messages.get("notFound.dossier", dossierNumber)));
    }
}
