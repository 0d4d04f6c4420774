package fr.defense.rapid.support;

import fr.defense.rapid.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Staff users of a test's own, with a password the password policy accepts: no test locks out a demo user. */
public final class StaffUsers {

    private StaffUsers() {}

    /** A DGA expert (Tasklist access) named {@code firstName Essai}. */
    public static String newExpert(IdentityService identity, String id, String firstName, String password) {
        User user = identity.newUser(id);
        user.setFirstName(firstName);
        user.setLastName("Essai");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, Groups.EXPERTS);
        return id;
    }
}
