package fr.defense.rapid.account;

import fr.defense.rapid.security.UnconfirmedAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An SME account registered but not yet confirmed ({@code company_member.status}) signs in nowhere:
 * it belongs to no group, so a login would only show the access-refused page; the login page says
 * to confirm the address instead. Accounts made in Camunda Admin have no row here and are not concerned.
 */
@Component
class UnconfirmedLogins implements UnconfirmedAccounts {

    private final JdbcClient jdbc;

    UnconfirmedLogins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean unconfirmed(String userId) {
        return jdbc.sql("select count(*) from company_member where user_id = :user and status = 'UNCONFIRMED'")
                        .param("user", userId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
