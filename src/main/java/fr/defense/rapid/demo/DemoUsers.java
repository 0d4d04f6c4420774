package fr.defense.rapid.demo;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The groups and demo users of docs/procedures.md §1 (each password equals the user id). Tasklist's
 * filters are made in every profile (staff.TasklistFilters). Enabled by {@code rapid.demo.users}, which only the demo profile sets.
 * Idempotent: what exists already is left as it is.
 */
@Component
@ConditionalOnProperty(name = "rapid.demo.users", havingValue = "true")
public class DemoUsers {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** Group id → name. */
    static final Map<String, String> GROUPS = Map.of(
            "sme", "PME et ETI déposantes",
            "rapid-secretariat", "Secrétariat RAPID (AID)",
            "dga-experts", "Experts techniques DGA",
            "rapid-committee", "Comité de pilotage RAPID",
            "sme-correspondents", "Correspondants PME",
            "ministry-mediators", "Médiateurs du ministère",
            "managers", "Mission achats (gestionnaires)",
            "camunda-admin", "Administrateurs");

    record DemoUser(String id, String firstName, String lastName, String email, String group) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("pme-demo", "Claire", "Martin", "claire.martin@optronique-du-lac.example", "sme"),
            new DemoUser("pme-other", "Yann", "Le Goff", "yann.legoff@armor-composites.example", "sme"),
            new DemoUser("secretariat", "Sophie", "Bernard", "secretariat.rapid@defense.example", "rapid-secretariat"),
            new DemoUser("expert", "Marc", "Dubois", "marc.dubois@dga.example", "dga-experts"),
            new DemoUser("committee", "Hélène", "Roux", "comite.rapid@defense.example", "rapid-committee"),
            new DemoUser("correspondent", "Julien", "Petit", "correspondant.pme@defense.example", "sme-correspondents"),
            new DemoUser("mediator", "Anne", "Moreau", "mediateur@defense.example", "ministry-mediators"),
            new DemoUser("manager", "Paul", "Lefèvre", "mission.achats@defense.example", "managers"),
            new DemoUser("admin", "Admin", "RAPID", "admin@defense.example", "camunda-admin"));

    private final IdentityService identity;

    public DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    public void create() {
        GROUPS.forEach(this::createGroup);
        USERS.forEach(this::createUser);
    }

    private void createGroup(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("camunda-admin".equals(id) ? "SYSTEM" : "WORKFLOW");
            identity.saveGroup(group);
        }
    }

    private void createUser(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() > 0) {
            return;
        }
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.email());
        user.setPassword(demo.id());
        // Demo only: the password equals the id, which the password policy refuses everywhere else.
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(demo.id(), demo.group());
        log.info("Demo user {} created in group {}", demo.id(), demo.group());
    }
}
