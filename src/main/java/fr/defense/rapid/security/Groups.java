package fr.defense.rapid.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/** The Camunda group ids of docs/procedures.md §1: a contract shared with the models, forms and clients. */
public final class Groups {

    public static final String SME = "sme";
    public static final String SECRETARIAT = "rapid-secretariat";
    public static final String EXPERTS = "dga-experts";
    public static final String COMMITTEE = "rapid-committee";
    public static final String CORRESPONDENTS = "sme-correspondents";
    public static final String MEDIATORS = "ministry-mediators";
    public static final String MANAGERS = "managers";
    public static final String ADMINS = "camunda-admin";

    /** Staff who work tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(SECRETARIAT, EXPERTS, COMMITTEE, CORRESPONDENTS, MEDIATORS);

    /** Everyone of the ministry: allowed on the engine REST API and the webapps, never SMEs. */
    public static final List<String> STAFF =
            List.of(SECRETARIAT, EXPERTS, COMMITTEE, CORRESPONDENTS, MEDIATORS, MANAGERS, ADMINS);

    private Groups() {}

    /** The ids of the groups a user belongs to, as the engine's authorizations need them. */
    public static List<String> of(IdentityService identity, String user) {
        return identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .toList();
    }

    /** The Spring Security authority of a group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }
}
