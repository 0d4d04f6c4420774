package fr.defense.rapid.staff;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Staff as a file names them: « Marc Dubois », not a login id. */
@Component
class StaffNames {

    private final IdentityService identity;

    StaffNames(IdentityService identity) {
        this.identity = identity;
    }

    String name(String userId) {
        if (userId == null) {
            return "expert non identifié";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : (user.getFirstName() + " " + user.getLastName()).strip();
    }
}
