package fr.defense.rapid.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * What a task's form receives to show its case, read as Tasklist reads it (the task's form
 * variables): the staff file's values in French, escaped, only for those who may read the task,
 * and never stored in the engine.
 */
@AppTest
class FormDisplayValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext application;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    private Http http;
    private Staff staff;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        staff = Staff.of(application);
    }

    @Test
    void theCommitteeFormReceivesTheEvaluationsAndTheComputationInFrench() {
        Map<String, Object> submission = SampleDossiers.smallCompany();
        submission.put("companyName", "**Optronique** [du Lac](http://example.invalid/)");
        ProcessInstance dossier = staff.dossierAwaitingEvaluation(submission);
        staff.completeAs(
                "expert", staff.awaitTask(dossier, "TechnicalEvaluation"), SampleDossiers.favourableEvaluation());
        Task decision = staff.awaitTask(dossier, "CommitteeDecision");

        JsonNode file = displayValue("committee", decision, "dossier");
        JsonNode facts = file.path("facts");
        assertThat(facts.path("proposedAid").asText()).isEqualTo("200 000 €");
        assertThat(facts.path("fundingRate").asText()).isEqualTo("80 \\%");
        assertThat(facts.path("category").asText()).isEqualTo("Petite entreprise");
        // Applicants' text arrives escaped, as in every templated string: shown as typed, never as markup.
        assertThat(facts.path("company").asText())
                .isEqualTo("\\*\\*Optronique\\*\\* \\[du Lac\\]\\(http\\:\\/\\/example\\.invalid\\/\\)");
        JsonNode evaluation = file.path("evaluations").path(0);
        assertThat(evaluation.path("recommendation").asText()).isEqualTo("Favorable");
        assertThat(evaluation.path("total").asText()).isEqualTo("24 \\/ 30");
        assertThat(evaluation.path("scores").size()).isEqualTo(6);
        // Escaped too, which Markdown undoes in a link's address.
        assertThat(file.path("link").asText().replace("\\", ""))
                .isEqualTo("/staff/dossiers/" + dossier.getBusinessKey());
        assertThat(file.path("hasEvaluations").asBoolean()).isTrue();

        // Prepared for display, not stored: the engine holds no such variable.
        assertThat(runtimeService.getVariable(dossier.getId(), "dossier")).isNull();
        assertThat(historyService
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(dossier.getId())
                        .variableName("dossier")
                        .count())
                .isZero();
    }

    @Test
    void theMediatorsFormReceivesTheCaseHistoryAndTheDeadlineAsADay() throws Exception {
        ProcessInstance instance = staff.caseAtLevelOne(SampleMediations.contractDispute());
        Task conduct = staff.awaitTask(instance, "ConductMediation");

        Http.Response response = formVariables("correspondent", conduct);
        JsonNode variables = response.okJson();
        assertThat(variables.path("taskDueDay").path("type").asText()).isEqualTo("Json");
        assertThat(JSON.readTree(variables.path("taskDueDay").path("value").asText())
                        .asText())
                .matches("\\d{1,2}(er)? [a-zéû]+ \\d{4}");
        JsonNode file = value(variables, "mediation");
        assertThat(file.path("timeline").findValuesAsText("text"))
                .anySatisfy(text -> assertThat(text).contains("Premier contact avec l\\'entreprise"));
        assertThat(file.path("actions").size()).isEqualTo(1);

        // The RAPID committee may not read this task: the engine refuses it, and nothing of the case goes out.
        Http.Response refused = formVariables("committee", conduct);
        assertThat(refused.status()).isIn(403, 404);
        assertThat(refused.body()).doesNotContain("Premier contact", "\"mediation\"");
    }

    private JsonNode displayValue(String user, Task task, String name) {
        return value(formVariables(user, task).okJson(), name);
    }

    private static JsonNode value(JsonNode variables, String name) {
        assertThat(variables.path(name).path("type").asText()).isEqualTo("Json");
        try {
            return JSON.readTree(variables.path(name).path("value").asText());
        } catch (Exception e) {
            throw new AssertionError(name + " is not JSON: " + variables.path(name), e);
        }
    }

    private Http.Response formVariables(String user, Task task) {
        return http.get(user, "/engine-rest/task/" + task.getId() + "/form-variables");
    }
}
