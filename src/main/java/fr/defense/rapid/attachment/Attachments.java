package fr.defense.rapid.attachment;

import static fr.defense.rapid.system.EngineClock.now;

import fr.defense.rapid.dossier.Dossier;
import fr.defense.rapid.dossier.DossierRepository;
import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.FrenchFormat;
import fr.defense.rapid.system.Messages;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The attachments of dossiers and drafts: what other modules read of them (a dossier's list, the
 * pieces it still lacks, a file to download), and the one place that accepts a file. A file is
 * checked by its content (type, size, count per piece, total per dossier) before anything is stored;
 * it is stored in the database with its SHA-256, in the transaction of the dossier it joins.
 */
@Component
public class Attachments {

    private static final int MAX_NAME_LENGTH = 200;

    private final AttachmentRepository files;
    private final DraftRepository drafts;
    private final DossierRepository dossiers;
    private final AttachmentSettings settings;
    private final TransactionTemplate transaction;

    Attachments(
            AttachmentRepository files,
            DraftRepository drafts,
            DossierRepository dossiers,
            AttachmentSettings settings,
            PlatformTransactionManager transactionManager) {
        this.files = files;
        this.drafts = drafts;
        this.dossiers = dossiers;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The largest file accepted, the French way (« 20 Mo »): what the pages announce. */
    public String maxFileSizeLabel() {
        return FrenchFormat.size(settings.maxFileSize().toBytes());
    }

    /** A dossier's files, oldest first. */
    public List<Attachment> listForDossier(String dossierNumber) {
        return files.ofDossier(dossierNumber);
    }

    /** The required pieces this dossier lacks, in French (« Liasse fiscale : 1 fichier sur 2 »); empty when complete. */
    public List<String> missingRequired(String dossierNumber) {
        return missing(files.ofDossier(dossierNumber));
    }

    /** The content of a dossier's file, for staff who may see the dossier (the owner's API checks ownership first). */
    public Optional<StoredFile> fileOfDossier(String dossierNumber, String attachmentId) {
        return files.contentInDossier(dossierNumber, attachmentId);
    }

    /**
     * Adds a file to a dossier still open before the committee's decision (complements): checked as
     * any upload; 409 once the dossier is decided or closed. The caller checked who may add it.
     */
    public Attachment addToDossier(String dossierNumber, AttachmentKind kind, String fileName, byte[] content) {
        return transaction.execute(status -> {
            dossiers.lock(dossierNumber);
            Dossier dossier = dossiers.find(dossierNumber).orElseThrow();
            if (dossier.status().closing() || dossier.decision() != null) {
                throw new ConflictException(Messages.get("attachment.closed", dossierNumber));
            }
            return store(
                    dossier.ownerId(), null, dossierNumber, kind, fileName, content, files.ofDossier(dossierNumber));
        });
    }

    List<Attachment> listForDraft(String ownerId) {
        return files.ofDraft(ownerId);
    }

    Attachment addToDraft(String ownerId, AttachmentKind kind, String fileName, byte[] content) {
        return transaction.execute(status -> {
            drafts.lock(ownerId);
            Attachment added = store(ownerId, ownerId, null, kind, fileName, content, files.ofDraft(ownerId));
            drafts.touch(ownerId);
            return added;
        });
    }

    private Attachment store(
            String ownerId,
            String draftOwnerId,
            String dossierNumber,
            AttachmentKind kind,
            String fileName,
            byte[] content,
            List<Attachment> existing) {
        String name = fileName(fileName);
        FileType type = check(kind, name, content, existing, draftOwnerId != null);
        String sha256 = sha256(content);
        AttachmentRepository.New file = new AttachmentRepository.New(
                UUID.randomUUID().toString(),
                ownerId,
                draftOwnerId,
                dossierNumber,
                kind,
                name,
                type.mediaType(),
                sha256,
                content,
                now());
        files.insert(file);
        return new Attachment(
                file.id(),
                kind,
                kind.label(),
                name,
                type.mediaType(),
                content.length,
                FrenchFormat.size(content.length),
                sha256,
                file.uploadedAt());
    }

    /** The file's type, if every rule accepts it; else the refusal, in French, naming what to do. */
    private FileType check(AttachmentKind kind, String name, byte[] content, List<Attachment> existing, boolean draft) {
        if (content == null || content.length == 0) {
            throw new AttachmentRefusedException(Messages.get("attachment.empty", kind.label(), name));
        }
        long maxFile = settings.maxFileSize().toBytes();
        if (content.length > maxFile) {
            throw new AttachmentRefusedException(Messages.get(
                    "attachment.tooLarge",
                    kind.label(),
                    FrenchFormat.size(content.length),
                    FrenchFormat.size(maxFile)));
        }
        FileType type = FileTypes.of(content)
                .filter(kind.accepted()::contains)
                .orElseThrow(() -> new AttachmentRefusedException(
                        Messages.get("attachment.type", kind.label(), name, kind.acceptedNames())));
        // A draft holds what a complete dossier holds; a dossier takes more afterwards: a complement
        // adds a newer file beside the one it corrects, and nothing sent is ever deleted.
        if (draft && existing.stream().filter(a -> a.kind() == kind).count() >= kind.required()) {
            throw new AttachmentRefusedException(
                    Messages.get("attachment.tooMany", kind.label(), AttachmentKind.files(kind.required())));
        }
        long total = existing.stream().mapToLong(Attachment::size).sum();
        long maxTotal = settings.maxDossierTotal().toBytes();
        if (total + content.length > maxTotal) {
            throw new AttachmentRefusedException(Messages.get(
                    "attachment.dossierTotal",
                    FrenchFormat.size(maxTotal),
                    FrenchFormat.size(total),
                    FrenchFormat.size(content.length)));
        }
        return type;
    }

    /** The required pieces these files lack, each said as « Liasse fiscale : 1 fichier sur 2 ». */
    static List<String> missing(List<Attachment> present) {
        List<String> missing = new ArrayList<>();
        for (AttachmentKind kind : AttachmentKind.values()) {
            long count = present.stream().filter(a -> a.kind() == kind).count();
            if (count < kind.required()) {
                missing.add(
                        kind.required() == 1
                                ? kind.label()
                                : kind.label() + " (" + count + " sur " + AttachmentKind.files(kind.required()) + ")");
            }
        }
        return missing;
    }

    /**
     * The name the file is stored and served under: its last path segment, in NFC, without control
     * or formatting characters (bidirectional overrides), at most 200 characters; « piece » if nothing is left.
     */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(kept::appendCodePoint);
        name = kept.toString().strip();
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_LENGTH));
        }
        return name.isEmpty() || name.equals(".") || name.equals("..") ? "piece" : name;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
