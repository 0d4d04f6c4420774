package fr.defense.rapid.attachment;

import static fr.defense.rapid.system.EngineClock.now;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dossier_draft} table: one current draft per SME user, its values as JSON. */
@Repository
class DraftRepository {

    record Draft(String valuesJson, OffsetDateTime updatedAt) {}

    private final JdbcClient jdbc;

    DraftRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Draft> find(String ownerId) {
        return jdbc.sql("select form_values, updated_at from dossier_draft where owner_id = :owner")
                .param("owner", ownerId)
                .query((rs, row) -> new Draft(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .optional();
    }

    void save(String ownerId, String valuesJson) {
        if (update(ownerId, valuesJson) == 0) {
            try {
                jdbc.sql("insert into dossier_draft (owner_id, form_values, created_at, updated_at)"
                                + " values (:owner, :values, :now, :now)")
                        .param("owner", ownerId)
                        .param("values", valuesJson)
                        .param("now", now())
                        .update();
            } catch (DuplicateKeyException savedMeanwhile) {
                update(ownerId, valuesJson);
            }
        }
    }

    private int update(String ownerId, String valuesJson) {
        return jdbc.sql("update dossier_draft set form_values = :values, updated_at = :now where owner_id = :owner")
                .param("values", valuesJson)
                .param("now", now())
                .param("owner", ownerId)
                .update();
    }

    /**
     * The owner's draft, created empty if there is none, locked until the transaction ends: its files
     * are added, counted and submitted one request at a time.
     */
    Draft lock(String ownerId) {
        if (find(ownerId).isEmpty()) {
            try {
                jdbc.sql("insert into dossier_draft (owner_id, form_values, created_at, updated_at)"
                                + " values (:owner, '{}', :now, :now)")
                        .param("owner", ownerId)
                        .param("now", now())
                        .update();
            } catch (DuplicateKeyException createdMeanwhile) {
                // Another request created it: lock that one.
            }
        }
        return jdbc.sql("select form_values, updated_at from dossier_draft where owner_id = :owner for update")
                .param("owner", ownerId)
                .query((rs, row) -> new Draft(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
    }

    void touch(String ownerId) {
        jdbc.sql("update dossier_draft set updated_at = :now where owner_id = :owner")
                .param("now", now())
                .param("owner", ownerId)
                .update();
    }

    void delete(String ownerId) {
        jdbc.sql("delete from dossier_draft where owner_id = :owner")
                .param("owner", ownerId)
                .update();
    }
}
