package fr.defense.rapid.account;

import static fr.defense.rapid.system.EngineClock.now;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code company} and {@code company_member} tables. A removed user's row stays (status
 * REMOVED): the dossiers they filed keep belonging to the company.
 */
@Repository
class Companies {

    enum Role {
        ADMINISTRATOR,
        MEMBER
    }

    enum Status {
        /** The e-mail address is not confirmed yet. */
        UNCONFIRMED,
        /** Confirmed, for a company that had users already: the administrator accepts or refuses. */
        AWAITING_APPROVAL,
        /** Invited by the administrator; the account is created when the invitation is accepted. */
        INVITED,
        ACTIVE,
        REMOVED
    }

    /** One row of {@code company_member}. */
    record Member(String userId, String siren, Role role, Status status, String email, OffsetDateTime createdAt) {

        boolean activeAdministrator() {
            return role == Role.ADMINISTRATOR && status == Status.ACTIVE;
        }
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
        setStatus(userId, Status.ACTIVE);
    }

    void setStatus(String userId, Status status) {
        jdbc.sql("update company_member set status = :status where user_id = :user")
                .param("status", status.name())
                .param("user", userId)
                .update();
    }

    Optional<Member> member(String userId) {
        return jdbc.sql("select * from company_member where user_id = :user")
                .param("user", userId)
                .query(Member.class)
                .optional();
    }

    /** The row, locked until the transaction ends: two administrators' clicks on one user are served in turn. */
    Optional<Member> memberForUpdate(String userId) {
        return jdbc.sql("select * from company_member where user_id = :user for update")
                .param("user", userId)
                .query(Member.class)
                .optional();
    }

    /** The company's users: administrators first, then by arrival. */
    List<Member> members(String siren) {
        return jdbc.sql("""
                        select * from company_member where siren = :siren
                        order by case role when 'ADMINISTRATOR' then 0 else 1 end, created_at, user_id
                        """).param("siren", siren).query(Member.class).list();
    }

    String name(String siren) {
        return jdbc.sql("select company_name from company where siren = :siren")
                .param("siren", siren)
                .query(String.class)
                .single();
    }

    /**
     * Locks the company's row until the transaction ends, so that numbering a new account and
     * counting administrators see every concurrent change of that company.
     */
    void lock(String siren) {
        jdbc.sql("select siren from company where siren = :siren for update")
                .param("siren", siren)
                .query(String.class)
                .optional();
    }

    /** Whether a live account (any status but REMOVED) has this address. */
    boolean emailTaken(String email) {
        return jdbc.sql("""
                        select count(*) from company_member
                        where lower(email) = lower(:email) and status <> 'REMOVED'
                        """).param("email", email).query(Long.class).single() > 0;
    }

    /** The company's pending invitation of this address, if any. */
    Optional<Member> invitation(String siren, String email) {
        return jdbc.sql("""
                        select * from company_member
                        where siren = :siren and lower(email) = lower(:email) and status = 'INVITED'
                        """)
                .param("siren", siren)
                .param("email", email)
                .query(Member.class)
                .optional();
    }

    /** The ids of the company's accounts, whatever their status. */
    List<String> userIds(String siren) {
        return jdbc.sql("select user_id from company_member where siren = :siren")
                .param("siren", siren)
                .query(String.class)
                .list();
    }

    /** Whether the company has an administrator, ACTIVE or about to be (address not yet confirmed). */
    boolean hasAdministrator(String siren) {
        return jdbc.sql("""
                        select count(*) from company_member where siren = :siren and role = 'ADMINISTRATOR'
                          and status in ('ACTIVE', 'UNCONFIRMED')
                        """).param("siren", siren).query(Long.class).single() > 0;
    }

    void makeAdministrator(String userId) {
        jdbc.sql("update company_member set role = 'ADMINISTRATOR' where user_id = :user")
                .param("user", userId)
                .update();
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
