package fr.defense.rapid.account;

import static fr.defense.rapid.system.EngineClock.now;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code company} and {@code company_member} tables. */
@Repository
class Companies {

    enum Role {
        ADMINISTRATOR,
        MEMBER
    }

    enum Status {
        UNCONFIRMED,
        ACTIVE
    }

    private final JdbcClient jdbc;

    Companies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean exists(String siren) {
        return jdbc.sql("select count(*) from company where siren = :siren")
                        .param("siren", siren)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void create(String siren, String name) {
        jdbc.sql("insert into company (siren, company_name, created_at) values (:siren, :name, :now)")
                .param("siren", siren)
                .param("name", name)
                .param("now", now())
                .update();
    }

    void addMember(String userId, String siren, Role role, Status status, String email) {
        jdbc.sql("""
                insert into company_member (user_id, siren, role, status, email, created_at)
                values (:user, :siren, :role, :status, :email, :now)
                """)
                .param("user", userId)
                .param("siren", siren)
                .param("role", role.name())
                .param("status", status.name())
                .param("email", email)
                .param("now", now())
                .update();
    }

    void activate(String userId) {
        jdbc.sql("update company_member set status = 'ACTIVE' where user_id = :user")
                .param("user", userId)
                .update();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from company_member where lower(email) = lower(:email)")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** How many accounts the company has had, to number the next one. */
    long accountsEver(String siren) {
        return jdbc.sql("select count(*) from company_member where siren = :siren")
                .param("siren", siren)
                .query(Long.class)
                .single();
    }

    /**
     * The company's accounts never confirmed whose every link has expired: a registration that
     * nobody confirmed must not hold the SIREN and the address for ever.
     */
    List<String> abandoned(String siren) {
        return jdbc.sql("""
                        select m.user_id from company_member m
                        where m.siren = :siren and m.status = 'UNCONFIRMED'
                          and not exists (select 1 from account_token t where t.user_id = m.user_id
                                          and t.used_at is null and t.expires_at > :now)
                        """)
                .param("siren", siren)
                .param("now", now())
                .query(String.class)
                .list();
    }

    /** Forgets an account never confirmed (and its company, if it had no other). */
    void forget(String userId, String siren) {
        jdbc.sql("delete from account_token where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from company_member where user_id = :user")
                .param("user", userId)
                .update();
        jdbc.sql("delete from company where siren = :siren and not exists "
                        + "(select 1 from company_member where siren = :siren)")
                .param("siren", siren)
                .update();
    }
}
