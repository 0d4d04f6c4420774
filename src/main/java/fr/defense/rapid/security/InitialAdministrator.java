package fr.defense.rapid.security;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first administrator of a new installation, from {@code ADMIN_USER} and
 * {@code ADMIN_PASSWORD} (Camunda's own set-up page is closed: on an empty database it would let
 * anyone become administrator). Its password follows the password policy (RapidPasswordPolicy).
 * Without them, on a database with no administrator and no demo users, the application refuses to
 * start: nobody could ever administer it.
 */
@Component
class InitialAdministrator {

    private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

    private final IdentityService identity;
    private final String user;
    private final String password;

    private final boolean demoUsers;

    InitialAdministrator(IdentityService identity, AdministratorSettings settings) {
        this.identity = identity;
        this.user = settings.user();
        this.password = settings.password();
        this.demoUsers = settings.demoUsers();
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (user.isBlank() || password.isBlank()) {
            if (!demoUsers
                    && identity.createUserQuery().memberOfGroup(Groups.ADMINS).count() == 0) {
                throw new IllegalStateException(
                        "No administrator in this database, and ADMIN_USER and ADMIN_PASSWORD "
                                + "are not set: set both to create the first administrator (group " + Groups.ADMINS
                                + "), see README, Configuration. Aucun administrateur : définissez ADMIN_USER et ADMIN_PASSWORD.");
            }
            return;
        }
        if (identity.createUserQuery().userId(user).count() > 0) {
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
