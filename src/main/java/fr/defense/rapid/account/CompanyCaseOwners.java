package fr.defense.rapid.account;

import fr.defense.rapid.procedure.CaseOwners;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A company's cases are shared by its users: an active member works on the cases of every user the
 * company has had (those filed by a colleague since removed stay the company's), anybody else on
 * his own only.
 */
@Component
class CompanyCaseOwners implements CaseOwners {

    private final JdbcClient jdbc;

    CompanyCaseOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> sharingWith(String userId) {
        Set<String> owners = new HashSet<>(
                jdbc.sql("""
                        select colleague.user_id from company_member me
                        join company_member colleague on colleague.siren = me.siren
                        where me.user_id = :user and me.status = 'ACTIVE'
                        """).param("user", userId).query(String.class).list());
        owners.add(userId);
        return owners;
    }
}
