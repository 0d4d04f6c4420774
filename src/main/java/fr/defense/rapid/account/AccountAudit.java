package fr.defense.rapid.account;

import static fr.defense.rapid.system.EngineClock.now;

import jakarta.servlet.http.HttpServletRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code account_event} table. A record joins the transaction of what it records (a registration
 * that rolls back leaves no trace); the client address is the current request's (with
 * {@code server.forward-headers-strategy} behind a proxy), none outside a request.
 */
@Repository
public class AccountAudit {

    /** One line of the log. */
    public record AccountEvent(
            long id,
            OffsetDateTime occurredAt,
            AccountEventKind kind,
            String accountId,
            String actorId,
            String clientAddress,
            String detail) {}

    private final JdbcClient jdbc;

    AccountAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event; {@code detail} is ours (never a password nor a token), cut at its column. */
    public void record(AccountEventKind kind, String accountId, String actorId, String detail) {
        record(kind, accountId, actorId, detail, clientAddress());
    }

    /** Records an event of a request served off its thread (its address taken while it was served). */
    void record(AccountEventKind kind, String accountId, String actorId, String detail, String clientAddress) {
        jdbc.sql("""
                insert into account_event (occurred_at, kind, account_id, actor_id, client_address, detail)
                values (:at, :kind, :account, :actor, :address, :detail)
                """)
                .param("at", now())
                .param("kind", kind.name())
                .param("account", cut(accountId, 100))
                .param("actor", cut(actorId, 100))
                .param("address", cut(clientAddress, 64))
                .param("detail", cut(detail, 500))
                .update();
    }

    /** The latest events first, at most {@code limit}. */
    public List<AccountEvent> latest(int limit) {
        return jdbc.sql("select * from account_event order by occurred_at desc, id desc limit :limit")
                .param("limit", limit)
                .query(AccountEvent.class)
                .list();
    }

    /** Every event, oldest first, one at a time (an export of any length in constant memory). */
    void each(Consumer<AccountEvent> action) {
        try (Stream<AccountEvent> events =
                jdbc.sql("select * from account_event order by occurred_at, id").query(AccountEvent.class).stream()) {
            events.forEach(action);
        }
    }

    /** The address of the client of the current request, if there is one. */
    static String clientAddress() {
        HttpServletRequest request = CurrentRequest.get();
        return request == null ? null : request.getRemoteAddr();
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length - 1) + "…";
    }
}
