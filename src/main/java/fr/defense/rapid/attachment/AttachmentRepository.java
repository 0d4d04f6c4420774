package fr.defense.rapid.attachment;

import fr.defense.rapid.system.FrenchFormat;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code attachment} table: each file with its SHA-256, in a draft or in a dossier. Lists never read the content. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS =
            "id, kind, file_name, content_type, size_bytes, sha256, uploaded_at, owner_id, dossier_number";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record New(
            String id,
            String ownerId,
            String draftOwnerId,
            String dossierNumber,
            AttachmentKind kind,
            String fileName,
            String contentType,
            String sha256,
            byte[] content,
            OffsetDateTime uploadedAt) {}

    void insert(New file) {
        jdbc.sql("""
                insert into attachment (id, owner_id, draft_owner_id, dossier_number, kind, file_name,
                  content_type, size_bytes, sha256, content, uploaded_at)
                values (:id, :owner, :draft, :dossier, :kind, :name, :type, :size, :sha, :content, :at)
                """)
                .param("id", file.id())
                .param("owner", file.ownerId())
                .param("draft", file.draftOwnerId())
                .param("dossier", file.dossierNumber())
                .param("kind", file.kind().name())
                .param("name", file.fileName())
                .param("type", file.contentType())
                .param("size", (long) file.content().length)
                .param("sha", file.sha256())
                .param("content", file.content())
                .param("at", file.uploadedAt())
                .update();
    }

    List<Attachment> ofDraft(String ownerId) {
        return jdbc.sql("select " + COLUMNS + " from attachment where draft_owner_id = :owner order by uploaded_at, id")
                .param("owner", ownerId)
                .query(AttachmentRepository::toAttachment)
                .list();
    }

    List<Attachment> ofDossier(String dossierNumber) {
        return jdbc.sql("select " + COLUMNS
                        + " from attachment where dossier_number = :number order by uploaded_at, id")
                .param("number", dossierNumber)
                .query(AttachmentRepository::toAttachment)
                .list();
    }

    Optional<StoredFile> contentInDraft(String ownerId, String id) {
        return jdbc.sql(
                        "select file_name, content_type, content from attachment where id = :id and draft_owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .query(AttachmentRepository::toFile)
                .optional();
    }

    Optional<StoredFile> contentInDossier(String dossierNumber, String id) {
        return jdbc.sql(
                        "select file_name, content_type, content from attachment where id = :id and dossier_number = :number")
                .param("id", id)
                .param("number", dossierNumber)
                .query(AttachmentRepository::toFile)
                .optional();
    }

    int deleteFromDraft(String ownerId, String id) {
        return jdbc.sql("delete from attachment where id = :id and draft_owner_id = :owner")
                .param("id", id)
                .param("owner", ownerId)
                .update();
    }

    /** The draft's files now belong to the dossier it became. */
    void moveDraftToDossier(String ownerId, String dossierNumber) {
        jdbc.sql("update attachment set dossier_number = :number, draft_owner_id = null where draft_owner_id = :owner")
                .param("number", dossierNumber)
                .param("owner", ownerId)
                .update();
    }

    private static Attachment toAttachment(ResultSet rs, int row) throws SQLException {
        AttachmentKind kind = AttachmentKind.valueOf(rs.getString("kind"));
        long size = rs.getLong("size_bytes");
        return new Attachment(
                rs.getString("id"),
                kind,
                kind.label(),
                rs.getString("file_name"),
                rs.getString("content_type"),
                size,
                FrenchFormat.size(size),
                rs.getString("sha256"),
                rs.getObject("uploaded_at", OffsetDateTime.class));
    }

    private static StoredFile toFile(ResultSet rs, int row) throws SQLException {
        return new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content"));
    }
}
