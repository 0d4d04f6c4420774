package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.LiveTasks;
import fr.defense.rapid.support.WebappSession;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A staff member's account, made as an administrator makes it in Camunda Admin (its own engine API,
 * session and CSRF token): a new user works nothing until put in a group, then works that group's
 * tasks in Tasklist with the group's permissions, set up at start-up; taken out of it, nothing again.
 */
@AppTest
class StaffAccountsTest {

    private static final String AGENT = "agent-evaluatrice";
    private static final String PASSWORD = "Cheval-Agrafe-Batterie-7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @AfterEach
    void removeAgent() {
        engine.getIdentityService().deleteUser(AGENT);
    }

    @Test
    void anAdministratorCreatesAnExpertInAdminWhoThenWorksTheExpertsTasksInTasklistUntilTakenOutOfTheGroup()
            throws Exception {
        Task evaluation = new LiveTasks(engine, attachments).dossierAt("TechnicalEvaluation");
        WebappSession admin = WebappSession.login(port, "admin", "admin", "admin");
        assertThat(admin.loginStatus()).isEqualTo(200);

        Http.Response created = admin.request(
                "POST",
                WebappSession.ENGINE_API + "/user/create",
                "application/json",
                JSON.writeValueAsBytes(Map.of(
                        "profile",
                        Map.of(
                                "id",
                                AGENT,
                                "firstName",
                                "Claire",
                                "lastName",
                                "Évaluatrice",
                                "email",
                                "claire.evaluatrice@defense.example"),
                        "credentials",
                        Map.of("password", PASSWORD))));
        assertThat(created.status()).as(created.body()).isEqualTo(204);

        WebappSession newcomer = WebappSession.login(port, AGENT, PASSWORD, "tasklist");
        assertThat(newcomer.loginStatus())
                .as("no group, no Tasklist: the application permission is a group's")
                .isNotEqualTo(200);

        Http.Response joined =
                admin.request("PUT", WebappSession.ENGINE_API + "/group/dga-experts/members/" + AGENT, null, null);
        assertThat(joined.status()).as(joined.body()).isEqualTo(204);

        WebappSession expert = WebappSession.login(port, AGENT, PASSWORD, "tasklist");
        assertThat(expert.loginStatus()).as(expert.loginBody()).isEqualTo(200);
        assertThat(visible(expert, evaluation))
                .as("the experts' task, seen by the new expert")
                .isEqualTo(1);
        Http.Response claimed = expert.request(
                "POST",
                WebappSession.ENGINE_API + "/task/" + evaluation.getId() + "/claim",
                "application/json",
                JSON.writeValueAsBytes(Map.of("userId", AGENT)));
        assertThat(claimed.status()).as(claimed.body()).isEqualTo(204);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(evaluation.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo(AGENT);
        engine.getTaskService()
                .setAssignee(evaluation.getId(), null); // docs/security.md: an administrator gives a task back

        Http.Response left =
                admin.request("DELETE", WebappSession.ENGINE_API + "/group/dga-experts/members/" + AGENT, null, null);
        assertThat(left.status()).as(left.body()).isEqualTo(204);
        WebappSession former = WebappSession.login(port, AGENT, PASSWORD, "tasklist");
        assertThat(former.loginStatus()).isNotEqualTo(200);
        Http.Response direct = new Http(port).get(AGENT, PASSWORD, "/engine-rest/task/" + evaluation.getId());
        assertThat(direct.status())
                .as("out of every staff group, the engine REST API is closed to them too")
                .isIn(401, 403);
    }

    private static int visible(WebappSession session, Task task) {
        Http.Response tasks =
                session.request("GET", WebappSession.ENGINE_API + "/task?taskId=" + task.getId(), null, null);
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        return tasks.json().size();
    }
}
