package fr.defense.rapid.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.ComplementsRequests;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.PortalSession;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A dossier and a mediation case belong to the company of the user who filed them: every active user
 * of that company reads them and answers their tasks, even once their filer has left it; a user of
 * another company gets 404 as if they did not exist (issue 15).
 */
@AppTest
class CompanySharedCasesTest {

    private static final String PASSWORD = "Radar-Optique-2027!";
    private static final Duration ASYNC_STEP = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    Http http;
    String filer;
    String colleague;
    String stranger;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        String siren = PortalSession.newSiren();
        filer = member(siren, 1, "ADMINISTRATOR");
        colleague = member(siren, 2, "MEMBER");
        stranger = member(PortalSession.newSiren(), 1, "ADMINISTRATOR");
    }

    @Test
    void twoUsersOfOneCompanyShareADossierAndEachAnswersItsComplementsRequest() {
        String number = submitted(filer);

        assertThat(http.get(colleague, "/api/dossiers").okJson().path("items").findValuesAsText("dossierNumber"))
                .contains(number);
        assertThat(http.get(colleague, "/api/dossiers/" + number).status()).isEqualTo(200);

        complementsRequested(number);
        String first = smeTaskId(colleague, number);
        assertThat(first)
                .as("the colleague sees the task waiting for the filer")
                .isNotNull();
        assertThat(tasks.createTaskQuery().taskId(first).singleResult().getAssignee())
                .isEqualTo(filer);
        assertThat(http.get(colleague, "/api/tasks/" + first + "/form").status())
                .isEqualTo(200);
        Http.Response page = http.get(colleague, "/portail/dossiers/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Fournir les compléments");
        Http.Response home = http.get(colleague, "/portail");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(number, "À vous : Fournir les compléments");

        // A refused answer changes nothing: the task still waits for the filer.
        assertThat(http.post(colleague, "/api/tasks/" + first + "/complete", Map.of("complementsResponse", "Ci-joint"))
                        .status())
                .isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(first).singleResult().getAssignee())
                .isEqualTo(filer);

        assertThat(http.post(
                                colleague,
                                "/api/tasks/" + first + "/complete",
                                Map.of("complementsResponse", "Liasse fiscale jointe par un collègue."))
                        .status())
                .isEqualTo(204);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .taskId(first)
                        .singleResult()
                        .getAssignee())
                .as("the history says who answered")
                .isEqualTo(colleague);

        complementsRequested(number);
        String second = smeTaskId(filer, number);
        assertThat(http.post(
                                filer,
                                "/api/tasks/" + second + "/complete",
                                Map.of("complementsResponse", "Annexe financière jointe par le déposant."))
                        .status())
                .isEqualTo(204);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceBusinessKey(number)
                        .taskDefinitionKey("ProvideComplements")
                        .finished()
                        .list())
                .extracting(task -> task.getAssignee())
                .containsExactlyInAnyOrder(colleague, filer);
    }

    @Test
    void aUserOfAnotherCompanyGets404ForTheDossierItsTaskAndItsFiles() {
        String number = submitted(filer);
        complementsRequested(number);
        String taskId = smeTaskId(filer, number);

        assertThat(http.get(stranger, "/api/dossiers").okJson().path("items").findValuesAsText("dossierNumber"))
                .doesNotContain(number);
        assertThat(http.get(stranger, "/api/dossiers/" + number).status()).isEqualTo(404);
        assertThat(http.get(stranger, "/portail/dossiers/" + number).status()).isEqualTo(404);
        Http.Response home = http.get(stranger, "/portail");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).doesNotContain(number);
        assertThat(http.get(stranger, "/api/dossiers/" + number + "/attachments")
                        .status())
                .isEqualTo(404);
        assertThat(http.get(stranger, "/api/tasks").okJson().findValuesAsText("id"))
                .doesNotContain(taskId);
        assertThat(http.get(stranger, "/api/tasks/" + taskId + "/form").status())
                .isEqualTo(404);
        assertThat(http.post(
                                stranger,
                                "/api/tasks/" + taskId + "/complete",
                                Map.of("complementsResponse", "Réponse d'une autre entreprise."))
                        .status())
                .isEqualTo(404);
        assertThat(http.post(stranger, "/api/dossiers/" + number + "/withdraw", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                .isEqualTo(filer);
    }

    @Test
    void aMediationCaseIsTheCompanysToo() {
        Http.Response created = http.post(filer, "/api/mediations", SampleMediations.contractDispute());
        assertThat(created.status()).isEqualTo(201);
        String number = created.json().path("caseNumber").asText();

        assertThat(http.get(colleague, "/api/mediations").okJson().path("items").findValuesAsText("caseNumber"))
                .contains(number);
        await().atMost(ASYNC_STEP)
                .until(() -> !http.get(colleague, "/api/mediations/" + number)
                        .okJson()
                        .path("availableActions")
                        .isEmpty());
        assertThat(http.get(colleague, "/portail/mediations/" + number).status())
                .isEqualTo(200);
        assertThat(http.get(stranger, "/api/mediations/" + number).status()).isEqualTo(404);
        assertThat(http.get(stranger, "/portail/mediations/" + number).status()).isEqualTo(404);
        assertThat(http.get(stranger, "/api/mediations").okJson().path("items").findValuesAsText("caseNumber"))
                .doesNotContain(number);
    }

    @Test
    void theCasesOfAUserRemovedFromTheCompanyStayTheCompanysAndHeIsRefusedAtTheDoor() {
        String number = submitted(filer);

        jdbc.sql("update company_member set status = 'REMOVED' where user_id = :user")
                .param("user", filer)
                .update();

        assertThat(http.get(filer, "/api/dossiers/" + number).status())
                .as("his right password opens nothing any more")
                .isEqualTo(401);
        assertThat(http.get(colleague, "/api/dossiers/" + number).status()).isEqualTo(200);
        assertThat(http.get(colleague, "/api/dossiers").okJson().path("items").findValuesAsText("dossierNumber"))
                .contains(number);
        assertThat(http.get(stranger, "/api/dossiers/" + number).status()).isEqualTo(404);
    }

    /** A confirmed user of the company, as registration or an invitation leaves it, with a password of the test's. */
    private String member(String siren, int rank, String role) {
        String id = "pme-" + siren + "-" + rank;
        if (rank == 1) {
            jdbc.sql("insert into company (siren, company_name, created_at) values (:siren, :name, :now)")
                    .param("siren", siren)
                    .param("name", "Optique " + siren)
                    .param("now", OffsetDateTime.now())
                    .update();
        }
        User user = identity.newUser(id);
        user.setFirstName("Utilisateur " + rank);
        user.setLastName("Essai");
        user.setEmail(id + "@pme.example");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Groups.SME);
        jdbc.sql("""
                insert into company_member (user_id, siren, role, status, email, created_at)
                values (:user, :siren, :role, 'ACTIVE', :email, :now)
                """)
                .param("user", id)
                .param("siren", siren)
                .param("role", role)
                .param("email", id + "@pme.example")
                .param("now", OffsetDateTime.now())
                .update();
        http.password(id, PASSWORD);
        return id;
    }

    private String submitted(String user) {
        Http.Response created = http.post(user, "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("dossierNumber").asText();
    }

    /** The secretariat finds the dossier incomplete: the filer (and his company) is asked for complements. */
    private void complementsRequested(String number) {
        ComplementsRequests.requested(http, number, filer);
    }

    private String smeTaskId(String user, String number) {
        return ComplementsRequests.smeTaskId(http, user, number);
    }
}
