package fr.defense.rapid.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.EngineState;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.LiveTasks;
import fr.defense.rapid.support.WebappSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attacks of the security review, through both engine APIs (the engine REST API and the
 * webapps' API that Tasklist uses): staff who may work a task change variables, or the assignee,
 * only by completing its form. Each was accepted before UserCommandAllowList.
 */
@AppTest
class ChangesOutsideFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    LiveTasks live;
    EngineState database;

    @BeforeEach
    void setUp() {
        database = new EngineState(jdbc);
        http = new Http(port);
        live = new LiveTasks(engine, attachments);
    }

    @Test
    void committeeCannotRaiseTheProposedAidBeforeGrantingIt() {
        Task decision = live.dossierAt("CommitteeDecision");
        live.claim("committee", decision);
        live.awaitQuiet();
        long proposed =
                (Long) engine.getRuntimeService().getVariable(decision.getProcessInstanceId(), "proposedAidEur");

        for (Door door : Door.values()) {
            Map<String, String> before = database.now();
            Http.Response resolve = door.call(
                    this,
                    "committee",
                    "POST",
                    "/task/" + decision.getId() + "/resolve",
                    Map.of("variables", Map.of("proposedAidEur", Map.of("value", 50_000_000L, "type", "Long"))));
            assertThat(resolve.status())
                    .as(door + " resolve: " + resolve.body())
                    .isEqualTo(403);
            assertThat(resolve.json().path("message").asText())
                    .as(resolve.body())
                    .contains("formulaire");
            Http.Response grant = door.call(
                    this,
                    "committee",
                    "POST",
                    "/task/" + decision.getId() + "/complete",
                    Map.of(
                            "variables",
                            Map.of(
                                    "decision",
                                    Map.of("value", "APPROVED"),
                                    "grantedAidEur",
                                    Map.of("value", 50_000_000L, "type", "Long"))));
            assertThat(grant.status()).as(door + " grant above the proposal").isEqualTo(400);
            assertThat(EngineState.differences(before, database.now()))
                    .as(door.name())
                    .isEmpty();
        }
        assertThat(engine.getRuntimeService().getVariable(decision.getProcessInstanceId(), "proposedAidEur"))
                .isEqualTo(proposed);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(decision.getId())
                        .singleResult()
                        .getAssignee())
                .isEqualTo("committee");
    }

    @Test
    void expertCannotHandTheDossierToAnotherSme() {
        Task evaluation = live.dossierAt("TechnicalEvaluation");
        live.claim("expert", evaluation);
        live.awaitQuiet();
        assertNoChangeOfApplicant("expert", evaluation);
    }

    @Test
    void correspondentCannotHandTheCaseToAnotherSme() {
        Task qualification = live.caseAt("QualifyRequest");
        live.claim("correspondent", qualification);
        live.awaitQuiet();
        assertNoChangeOfApplicant("correspondent", qualification);
    }

    @Test
    void aTaskIsClaimedForOneselfOnly() {
        Task completeness = live.dossierAt("CheckCompleteness");
        live.awaitQuiet();
        String claim = "/task/" + completeness.getId() + "/claim";
        for (Door door : Door.values()) {
            assertThat(door.call(this, "secretariat", "POST", claim, Map.of("userId", "pme-other"))
                            .status())
                    .as(door + " claim for an SME")
                    .isEqualTo(403);
            Http.Response own = door.call(this, "secretariat", "POST", claim, Map.of("userId", "secretariat"));
            assertThat(own.status())
                    .as(door + " claim for oneself: " + own.body() + own.raw().headers())
                    .isEqualTo(204);
            assertThat(assignee(completeness)).isEqualTo("secretariat");
            // Unclaiming is assigning (TASK_ASSIGN), which task workers never had: an administrator does it.
            assertThat(door.call(this, "secretariat", "POST", "/task/" + completeness.getId() + "/unclaim", Map.of())
                            .status())
                    .as(door + " unclaim")
                    .isEqualTo(403);
            assertThat(assignee(completeness)).isEqualTo("secretariat");
        }
    }

    private void assertNoChangeOfApplicant(String user, Task task) {
        String applicant = (String) engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "applicant");
        Map<String, Object> handOver = Map.of("variables", Map.of("applicant", Map.of("value", "pme-other")));
        for (Door door : Door.values()) {
            Map<String, String> before = database.now();
            for (String command : new String[] {"resolve", "variables", "localVariables", "delegate", "assignee"}) {
                Map<String, Object> body = switch (command) {
                    case "variables", "localVariables" ->
                        Map.of("modifications", Map.of("applicant", Map.of("value", "pme-other")));
                    case "delegate", "assignee" -> Map.of("userId", "pme-other");
                    default -> handOver;
                };
                Http.Response response = door.call(this, user, "POST", "/task/" + task.getId() + "/" + command, body);
                assertThat(response.status())
                        .as(door + " " + command + ": " + response.body())
                        .isEqualTo(403);
            }
            Http.Response instance = door.call(
                    this,
                    user,
                    "POST",
                    "/process-instance/" + task.getProcessInstanceId() + "/variables",
                    Map.of("modifications", Map.of("applicant", Map.of("value", "pme-other"))));
            assertThat(instance.status()).as(door + " instance variables").isEqualTo(403);
            assertThat(EngineState.differences(before, database.now()))
                    .as(door.name())
                    .isEmpty();
        }
        assertThat(engine.getRuntimeService().getVariable(task.getProcessInstanceId(), "applicant"))
                .isEqualTo(applicant);
        assertThat(assignee(task)).isEqualTo(user);
    }

    private String assignee(Task task) {
        return engine.getTaskService()
                .createTaskQuery()
                .taskId(task.getId())
                .singleResult()
                .getAssignee();
    }

    /** The two engine APIs a staff member reaches. */
    enum Door {
        ENGINE_REST {
            @Override
            Http.Response send(ChangesOutsideFormsTest test, String user, String method, String path, byte[] body) {
                return test.http.request(user, method, "/engine-rest" + path, "application/json", body);
            }
        },
        WEBAPPS {
            @Override
            Http.Response send(ChangesOutsideFormsTest test, String user, String method, String path, byte[] body) {
                WebappSession session = WebappSession.login(test.port, user, "tasklist");
                assertThat(session.loginStatus()).isEqualTo(200);
                return session.request(method, WebappSession.ENGINE_API + path, "application/json", body);
            }
        };

        abstract Http.Response send(ChangesOutsideFormsTest test, String user, String method, String path, byte[] body);

        Http.Response call(ChangesOutsideFormsTest test, String user, String method, String path, Object body) {
            try {
                return send(
                        test, user, method, path, JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }
}
