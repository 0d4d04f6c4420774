package fr.defense.rapid.procedure;

import fr.defense.rapid.system.ConflictException;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FieldViolation;
import fr.defense.rapid.system.FormValidationException;
import fr.defense.rapid.system.Messages;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An SME's request done at most once per {@code Idempotency-Key}. The key is inserted first, in
 * the request's transaction: a concurrent request with the same key waits on the primary key,
 * fails once the first commits, and then answers with what the first one created. A key reused
 * with other values is refused rather than silently answered with the first result.
 */
@Component
public class IdempotentRequests {

    /** What a request gave: the reference it created or found, and whether this request created it. */
    public record Outcome(String reference, boolean created) {}

    private static final int MAX_KEY_LENGTH = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    IdempotentRequests(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A key, when given, is 1 to 200 characters; refused as a field of the request's form. */
    public static void requireValidKey(String formId, String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw new FormValidationException(
                    formId,
                    List.of(new FieldViolation(
                            "Idempotency-Key", Messages.get("refusal.idempotencyKeyLength", MAX_KEY_LENGTH))));
        }
    }

    /** Runs {@code action} (which returns the reference it created) unless this key already did. */
    public Outcome once(
            Procedure procedure, String owner, String key, Map<String, Object> values, Supplier<String> action) {
        if (key == null) {
            return new Outcome(action.get(), true);
        }
        String hash = fingerprint(values);
        Optional<String> earlier = referenceOfKey(procedure, owner, key, hash);
        if (earlier.isPresent()) {
            return new Outcome(earlier.get(), false);
        }
        try {
            return transaction.execute(status -> {
                jdbc.sql(
                                "insert into idempotent_request (procedure_name, owner_id, idempotency_key, request_hash, created_at)"
                                        + " values (:procedure, :owner, :key, :hash, :now)")
                        .param("procedure", procedure.name())
                        .param("owner", owner)
                        .param("key", key)
                        .param("hash", hash)
                        .param("now", EngineClock.now())
                        .update();
                String reference = action.get();
                jdbc.sql("update idempotent_request set case_reference = :reference"
                                + " where procedure_name = :procedure and owner_id = :owner and idempotency_key = :key")
                        .param("reference", reference)
                        .param("procedure", procedure.name())
                        .param("owner", owner)
                        .param("key", key)
                        .update();
                return new Outcome(reference, true);
            });
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            // Only the key's own row means "the same request at the same time"; any other clash is not ours to hide.
            return new Outcome(
                    referenceOfKey(procedure, owner, key, hash).orElseThrow(() -> sameKeyAtTheSameTime), false);
        }
    }

    /**
     * The reference an earlier request of this owner with this key created, whatever its values: a
     * repeated request whose values are gone with the first one (a draft, deleted when submitted).
     */
    public Optional<String> earlier(Procedure procedure, String owner, String key) {
        return jdbc.sql("select case_reference from idempotent_request"
                        + " where procedure_name = :procedure and owner_id = :owner and idempotency_key = :key"
                        + " and case_reference is not null")
                .param("procedure", procedure.name())
                .param("owner", owner)
                .param("key", key)
                .query(String.class)
                .optional();
    }

    private Optional<String> referenceOfKey(Procedure procedure, String owner, String key, String hash) {
        record Earlier(String reference, String requestHash) {}
        Optional<Earlier> earlier = jdbc.sql("select case_reference as reference, request_hash from idempotent_request"
                        + " where procedure_name = :procedure and owner_id = :owner and idempotency_key = :key")
                .param("procedure", procedure.name())
                .param("owner", owner)
                .param("key", key)
                .query(Earlier.class)
                .optional();
        if (earlier.isPresent() && !hash.equals(earlier.get().requestHash())) {
            throw new ConflictException(Messages.get(
                    "refusal.idempotencyKeyReused",
                    key,
                    procedure.caseWording(),
                    earlier.get().reference()));
        }
        return earlier.map(Earlier::reference);
    }

    private static String fingerprint(Map<String, Object> values) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(new TreeMap<>(values).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
