package fr.defense.rapid.account;

import static fr.defense.rapid.system.EngineClock.now;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use, expiring links ({@code account_token}). A token is {@code selector.verifier}, both
 * random: the selector finds the row, the SHA-256 of the verifier is compared with the stored one
 * in constant time ({@link MessageDigest#isEqual}); the verifier is never stored, so a copy of the
 * table opens no account. Using a token marks it used in the same transaction as what it does.
 */
@Repository
class AccountTokens {

    enum Purpose {
        /** Confirms a new account's e-mail address. */
        CONFIRMATION,
        /** Sets a new password for an account whose password was forgotten. */
        PASSWORD_RESET,
        /** Lets a colleague invited by the company administrator create an account in that company. */
        INVITATION
    }

    /** Why a token opens nothing, in words the page shows. */
    enum Refusal {
        UNKNOWN,
        EXPIRED,
        USED
    }

    /** A token's outcome: the account it opens, or why not. */
    record Use(String userId, Refusal refusal) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    AccountTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the user, valid for this long: the text to put in the link. */
    String issue(Purpose purpose, String userId, Duration validity) {
        String selector = random(12);
        String verifier = random(32);
        jdbc.sql("""
                insert into account_token (selector, verifier_hash, purpose, user_id, expires_at, created_at)
                values (:selector, :hash, :purpose, :user, :expires, :now)
                """)
                .param("selector", selector)
                .param("hash", HexFormat.of().formatHex(sha256(verifier)))
                .param("purpose", purpose.name())
                .param("user", userId)
                .param("expires", now().plus(validity))
                .param("now", now())
                .update();
        return selector + "." + verifier;
    }

    private record Row(
            String verifierHash, String purpose, String userId, OffsetDateTime expiresAt, OffsetDateTime usedAt) {}

    /** Uses the token once: the account it was issued for, or why it opens nothing. */
    Use use(Purpose purpose, String token) {
        Use found = find(purpose, token, true);
        if (found.refusal() == null) {
            jdbc.sql("update account_token set used_at = :now where selector = :selector")
                    .param("now", now())
                    .param("selector", token.substring(0, token.indexOf('.')))
                    .update();
        }
        return found;
    }

    /**
     * What the token would open, without using it: a page shows its form only for a link that still
     * works, and a mail scanner that fetches the link uses nothing.
     */
    Use peek(Purpose purpose, String token) {
        return find(purpose, token, false);
    }

    /** Makes the user's unused tokens of this purpose unusable (marked used), in the caller's transaction. */
    void useAll(Purpose purpose, String userId) {
        jdbc.sql("""
                update account_token set used_at = :now
                where user_id = :user and purpose = :purpose and used_at is null
                """)
                .param("now", now())
                .param("user", userId)
                .param("purpose", purpose.name())
                .update();
    }

    /**
     * Ends every live token of the user for this purpose (expired now): a new invitation replaces the
     * old one, a cancelled invitation opens nothing; the old link then says to ask for a new one.
     */
    void revoke(Purpose purpose, String userId) {
        jdbc.sql("""
                update account_token set expires_at = :now
                where user_id = :user and purpose = :purpose and used_at is null and expires_at > :now
                """)
                .param("now", now())
                .param("user", userId)
                .param("purpose", purpose.name())
                .update();
    }

    /** Whether a token of this purpose was issued to the user after that moment. */
    boolean issuedSince(Purpose purpose, String userId, OffsetDateTime since) {
        return jdbc.sql("""
                        select count(*) from account_token
                        where user_id = :user and purpose = :purpose and created_at > :since
                        """)
                        .param("user", userId)
                        .param("purpose", purpose.name())
                        .param("since", since)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Use find(Purpose purpose, String token, boolean lock) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || token.length() > 200) {
            return new Use(null, Refusal.UNKNOWN);
        }
        Optional<Row> row = jdbc.sql("""
                        select verifier_hash, purpose, user_id, expires_at, used_at from account_token
                        where selector = :selector
                        """ + (lock ? " for update" : ""))
                .param("selector", token.substring(0, dot))
                .query(Row.class)
                .optional();
        boolean matches = row.isPresent()
                && row.get().purpose().equals(purpose.name())
                && MessageDigest.isEqual(
                        HexFormat.of().parseHex(row.get().verifierHash()), sha256(token.substring(dot + 1)));
        if (!matches) {
            return new Use(null, Refusal.UNKNOWN);
        }
        if (row.get().usedAt() != null) {
            return new Use(null, Refusal.USED);
        }
        if (!now().isBefore(row.get().expiresAt())) {
            return new Use(null, Refusal.EXPIRED);
        }
        return new Use(row.get().userId(), null);
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
