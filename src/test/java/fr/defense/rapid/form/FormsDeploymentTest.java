package fr.defense.rapid.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The starter's default resource pattern leaves {@code .form} files out, and a missing form only
 * shows at run time: prove that every file of {@code forms/} is deployed and that the start
 * event and every user task resolve their form through the engine, as Tasklist does.
 */
@ProcessTest
class FormsDeploymentTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ObjectMapper json;

    @Test
    void everyFormFileIsDeployedWithTheProcesses() throws IOException {
        ProcessDefinition rapid = latestRapid();
        List<String> deployed = engine.getRepositoryService().getDeploymentResourceNames(rapid.getDeploymentId());
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            Set<String> formFiles = files.map(f -> "forms/" + f.getFileName()).collect(Collectors.toSet());
            assertThat(formFiles).isNotEmpty();
            assertThat(deployed).anySatisfy(name -> assertThat(name).endsWith("rapid-subsidy.bpmn"));
            for (String form : formFiles) {
                assertThat(deployed).anySatisfy(name -> assertThat(name).endsWith(form));
            }
        }
    }

    @Test
    void startFormResolvesFromTheProcessDefinition() throws IOException {
        try (InputStream form =
                engine.getFormService().getDeployedStartForm(latestRapid().getId())) {
            assertThat(json.readTree(form).path("id").asText()).isEqualTo("submit-dossier");
        }
    }

    @Test
    void everyUserTaskResolvesItsFormFromTheTask() throws IOException {
        ProcessDefinition rapid = latestRapid();
        BpmnModelInstance model = engine.getRepositoryService().getBpmnModelInstance(rapid.getId());
        List<UserTask> userTasks = List.copyOf(model.getModelElementsByType(UserTask.class));
        assertThat(userTasks).hasSize(5);

        for (UserTask userTask : userTasks) {
            // Put an instance right at the task (no start form involved) and ask for the form as Tasklist would.
            // The variables the tasks' assignee, due dates and timers read.
            Date tomorrow = Date.from(Instant.now().plus(Duration.ofDays(1)));
            ProcessInstance instance = engine.getRuntimeService()
                    .createProcessInstanceById(rapid.getId())
                    .businessKey("FORM-CHECK-" + userTask.getId())
                    .setVariables(Map.of(
                            "applicant",
                            "pme-demo",
                            "complementsDueDate",
                            tomorrow,
                            "complementsReminderDate",
                            tomorrow,
                            "agreementDueDate",
                            tomorrow))
                    .startBeforeActivity(userTask.getId())
                    .execute(true, true);
            Task task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
                assertThat(json.readTree(form).path("id").asText()).isEqualTo(userTask.getCamundaFormRef());
            }
            engine.getRuntimeService().deleteProcessInstance(instance.getId(), "form check", true, true);
        }
    }

    private ProcessDefinition latestRapid() {
        return engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(RapidProcess.KEY)
                .latestVersion()
                .singleResult();
    }
}
