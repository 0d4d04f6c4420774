package fr.defense.rapid.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * The least rights of each group (Camunda authorizations are enabled), granted at start-up and
 * kept as they are when they exist. Tasks add their own: a task's candidate group and assignee
 * get READ and UPDATE on it when it is created, so experts see and complete only evaluation
 * tasks, the committee only decision tasks, an SME only the tasks assigned to it.
 */
@Component
class EngineAuthorizations extends AbstractProcessEnginePlugin {

    private static final String ANY = Authorization.ANY;

    private AuthorizationService authorizations;

    /** Right after the engine is built, before any task is created or any user logs in. */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        authorizations = engine.getAuthorizationService();
        grantLeastRights();
    }

    void grantLeastRights() {
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMINS, resource, ANY, Permissions.ALL);
        }
        for (String group : Groups.TASK_WORKERS) {
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.FILTER, ANY, Permissions.READ);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        }
        // Managers read everything and change nothing.
        grant(Groups.MANAGERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(
                Groups.MANAGERS,
                Resources.PROCESS_DEFINITION,
                ANY,
                Permissions.READ,
                Permissions.READ_INSTANCE,
                Permissions.READ_HISTORY);
        grant(Groups.MANAGERS, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.TASK, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(Groups.MANAGERS, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(Groups.MANAGERS, Resources.FILTER, ANY, Permissions.READ);
        // SMEs submit dossiers and mediation requests, through the SME API only (no webapp, no engine REST API).
        grant(Groups.SME, Resources.PROCESS_DEFINITION, "rapid-subsidy", Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(
                Groups.SME,
                Resources.PROCESS_DEFINITION,
                "mediation-escalation",
                Permissions.READ,
                Permissions.CREATE_INSTANCE);
        grant(Groups.SME, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        boolean exists = authorizations
                        .createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GRANT)
                        .groupIdIn(group)
                        .resourceType(resource)
                        .resourceId(resourceId)
                        .count()
                > 0;
        if (exists) {
            return;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
