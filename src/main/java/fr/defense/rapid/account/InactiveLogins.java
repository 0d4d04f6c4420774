package fr.defense.rapid.account;

import fr.defense.rapid.security.InactiveAccounts;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An SME account that is registered but not confirmed, waiting for its company's administrator, or
 * removed from its company ({@code company_member.status}) signs in nowhere: it belongs to no group,
 * so a login would only show the access-refused page, which speaks to agents; the login page says
 * why instead. Accounts made in Camunda Admin have no row here and are not concerned.
 */
@Component
class InactiveLogins implements InactiveAccounts {

    private final JdbcClient jdbc;

    InactiveLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Inactivity> inactivity(String userId) {
        return jdbc.sql("select status from company_member where user_id = :user")
                .param("user", userId)
                .query(String.class)
                .optional()
                .flatMap(status -> switch (status) {
                    case "UNCONFIRMED" -> Optional.of(Inactivity.UNCONFIRMED);
                    case "AWAITING_APPROVAL" -> Optional.of(Inactivity.AWAITING_APPROVAL);
                    case "REMOVED" -> Optional.of(Inactivity.REMOVED);
                    default -> Optional.empty();
                });
    }
}
