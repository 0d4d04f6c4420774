package fr.defense.rapid.dossier;

import fr.defense.rapid.system.ConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submission of a dossier by an SME: starts {@code rapid-subsidy} as that user, at most once per
 * {@code Idempotency-Key}. The start form's rules are applied by the engine itself (see
 * FormValidationPlugin): a refused start throws FormValidationException and rolls everything back,
 * the key included.
 */
@Component
public class DossierSubmissions {

    static final String START_FORM = "submit-dossier";

    /** What a submission gave: the dossier, and whether this request created it. */
    public record Submitted(String dossierNumber, boolean created) {
    }

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    public DossierSubmissions(RuntimeService runtime, IdentityService identity,
                              JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.runtime = runtime;
        this.identity = identity;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public Submitted submit(String user, List<String> groups, String idempotencyKey, Map<String, Object> values) {
        if (idempotencyKey == null) {
            return new Submitted(start(user, groups, values), true);
        }
        String hash = fingerprint(values);
        Optional<String> earlier = dossierOfKey(user, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return new Submitted(earlier.get(), false);
        }
        try {
            return transaction.execute(status -> {
                jdbc.sql("""
                        insert into submission_request (owner_id, idempotency_key, request_hash, created_at)
                        values (:owner, :key, :hash, :now)
                        """)
                        .param("owner", user).param("key", idempotencyKey).param("hash", hash)
                        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
                        .update();
                String number = start(user, groups, values);
                jdbc.sql("update submission_request set dossier_number = :number where owner_id = :owner and idempotency_key = :key")
                        .param("number", number).param("owner", user).param("key", idempotencyKey)
                        .update();
                return new Submitted(number, true);
            });
        } catch (DuplicateKeyException sameKeyAtTheSameTime) {
            return new Submitted(dossierOfKey(user, idempotencyKey, hash).orElseThrow(), false);
        }
    }

    /** Starts the process as the SME, so that the engine records it as the initiator (the owner). */
    private String start(String user, List<String> groups, Map<String, Object> values) {
        identity.setAuthentication(user, groups);
        try {
            return runtime.startProcessInstanceByKey("rapid-subsidy", values).getBusinessKey();
        } finally {
            identity.clearAuthentication();
        }
    }

    /** The dossier an earlier request with this key created; the key may not be reused for other values. */
    private Optional<String> dossierOfKey(String user, String key, String hash) {
        record Earlier(String dossierNumber, String requestHash) {
        }
        Optional<Earlier> earlier = jdbc.sql("""
                        select dossier_number, request_hash from submission_request
                        where owner_id = :owner and idempotency_key = :key
                        """)
                .param("owner", user).param("key", key)
                .query(Earlier.class).optional();
        if (earlier.isPresent() && !hash.equals(earlier.get().requestHash())) {
            throw new ConflictException("La clé Idempotency-Key « " + key + " » a déjà servi au dossier "
                    + earlier.get().dossierNumber() + ", déposé avec d'autres valeurs : utilisez une nouvelle clé.");
        }
        return earlier.map(Earlier::dossierNumber);
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
