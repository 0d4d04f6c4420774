package fr.defense.rapid.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new installation, from {@code ADMIN_USER} and
 * {@code ADMIN_PASSWORD} (Camunda's own set-up page is closed: on an empty database it would let
 * anyone become administrator). Does nothing when they are not set or the user exists.
 */
@Component
class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final IdentityService identity;
    private final String user;
    private final String password;

    InitialAdministrator(IdentityService identity, @Value("${ADMIN_USER:}") String user,
                         @Value("${ADMIN_PASSWORD:}") String password) {
        this.identity = identity;
        this.user = user;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (user.isBlank() || password.isBlank() || identity.createUserQuery().userId(user).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(Groups.ADMINS).count() == 0) {
            Group admins = identity.newGroup(Groups.ADMINS);
            admins.setName("Administrateurs");
            admins.setType("SYSTEM");
            identity.saveGroup(admins);
        }
        User admin = identity.newUser(user);
        admin.setFirstName("Administrateur");
        admin.setLastName("RAPID");
        admin.setPassword(password);
        identity.saveUser(admin);
        identity.createMembership(user, Groups.ADMINS);
        log.info("Initial administrator {} created", user);
    }
}
