package fr.defense.rapid.notification;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The mail addresses of the members of staff groups (managers, correspondents…), from Camunda's identity. */
@Component
public class StaffAddresses {

    private final IdentityService identity;

    StaffAddresses(IdentityService identity) {
        this.identity = identity;
    }

    public List<String> of(Collection<String> groups) {
        return groups.stream()
                .flatMap(group -> identity.createUserQuery().memberOfGroup(group).list().stream())
                .map(User::getEmail)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
