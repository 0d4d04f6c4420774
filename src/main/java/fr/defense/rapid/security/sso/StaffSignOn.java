package fr.defense.rapid.security.sso;

import fr.defense.rapid.security.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * An agent signed on by the provider becomes a Camunda user whose staff groups are those the
 * provider's claim maps to, then gets the webapps' session a password login would give. The
 * provider is the authority on staff groups: they are set at each sign-on (added and removed),
 * and stay in the identity service, which the webapps re-read (Camunda's authentication cache)
 * and our own staff pages read at each request. The user gets no password: it signs on only.
 */
class StaffSignOn {

    /** A Camunda user id: {@code general-resource-whitelist-pattern}, and the column's 64 characters. */
    private static final int MAX_ID = 64;

    private final SsoSettings.Staff settings;
    private final ProcessEngine engine;
    private final IdentityService identity;

    StaffSignOn(SsoSettings.Staff settings, ProcessEngine engine) {
        this.settings = settings;
        this.engine = engine;
        this.identity = engine.getIdentityService();
    }

    /** Where the agent goes now: its application, or the refusal. */
    SignOn signOn(Claims claims, HttpServletRequest request) {
        String claimed = claims.first(settings.userIdClaim());
        List<String> granted = settings.groupsOf(claims);
        if (granted.isEmpty()) {
            return SignOn.refused(SsoRefusal.STAFF_NOT_MAPPED, userId(claimed) != null ? userId(claimed) : claimed);
        }
        String id = userId(claimed);
        if (id == null) {
            return SignOn.refused(SsoRefusal.STAFF_NO_ID, claimed);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(Groups.SME).count() > 0) {
            return SignOn.refused(SsoRefusal.STAFF_IS_SME, id);
        }
        saveUser(id, claims);
        setStaffGroups(id, granted);
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, id);
        // As Camunda's own login: a new session holding the webapps' authentication.
        AuthenticationUtil.revalidateSession(request, authentication);
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            if (authentication.isAuthorizedForApp(app)) {
                return SignOn.done("/camunda/app/" + app + "/default/", id);
            }
        }
        return SignOn.done("/camunda/app/welcome/default/", id);
    }

    /**
     * The claim made a Camunda id: every run of other characters than letters and digits becomes
     * one hyphen ({@code jean.dupont@defense.gouv.fr} → {@code jean-dupont-defense-gouv-fr}).
     * The same id as a local user's is that user: one person, one account.
     */
    static String userId(String claim) {
        if (claim == null) {
            return null;
        }
        String id = claim.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() || id.length() > MAX_ID ? null : id;
    }

    private void saveUser(String id, Claims claims) {
        User user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        String firstName = claims.first("given_name");
        String lastName =
                claims.first("family_name") != null ? claims.first("family_name") : claims.first("usual_name");
        String email = claims.first("email");
        if (firstName != null) {
            user.setFirstName(firstName);
        }
        if (lastName != null) {
            user.setLastName(lastName);
        }
        if (email != null) {
            user.setEmail(email);
        }
        identity.saveUser(user);
    }

    private void setStaffGroups(String id, List<String> granted) {
        for (String group : Groups.STAFF) {
            boolean member =
                    identity.createGroupQuery().groupMember(id).groupId(group).count() > 0;
            if (granted.contains(group) && !member) {
                ensureGroup(group);
                identity.createMembership(id, group);
            } else if (!granted.contains(group) && member) {
                identity.deleteMembership(id, group);
            }
        }
    }

    /** A fresh production database has only the administrators' group (InitialAdministrator). */
    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(id);
            group.setType(Groups.ADMINS.equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }
}
