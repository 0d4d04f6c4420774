package fr.defense.rapid.mediation;

import static fr.defense.rapid.demo.SampleMediations.failure;
import static fr.defense.rapid.demo.SampleMediations.renewalProposal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Cases running on version 1 of {@code mediation-escalation} (one subprocess per level, kept in
 * {@code src/test/resources/migration}) move onto today's model, with one mediation level modelled
 * once, wherever they wait: qualification, first contact, and each step of both levels. Each keeps
 * its task (same id, same group), its deadline timer and its variables, and carries on to its end on
 * the new model.
 */
@ProcessTest
class MediationModelMigrationTest {

    private static final ZonedDateTime FILED = ZonedDateTime.of(2026, 5, 13, 10, 0, 0, 0, ZoneId.of("Europe/Paris"));
    private static final LocalDate CONTACTED = LocalDate.of(2026, 5, 13);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    MediationModelMigration migration;

    RapidProcess process;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        process = new RapidProcess(engine, attachments);
        ClockUtil.setCurrentTime(Date.from(FILED.toInstant()));
    }

    /** Whatever happened, today's model is the latest again for the tests that follow. */
    @AfterEach
    void restoreTodaysModel() {
        ClockUtil.reset();
        if (!"2".equals(latest().getVersionTag())) {
            deploy("processes/mediation-escalation.bpmn", Path.of("processes/mediation-escalation.bpmn"));
        }
    }

    @Test
    void casesWaitingAtEachStageOfBothLevelsMoveOntoTheModelWithOneLevel() {
        deploy(
                "processes/mediation-escalation.bpmn",
                Path.of("src/test/resources/migration/mediation-escalation-v1.bpmn"));
        ProcessDefinition version1 = latest();
        assertThat(version1.getVersionTag()).isEqualTo("1");

        Map<String, ProcessInstance> waiting = new LinkedHashMap<>();
        waiting.put("QualifyRequest", process.filed(SampleMediations.contractDispute()));
        ProcessInstance contact = process.filed(SampleMediations.contractDispute());
        process.complete(contact, "QualifyRequest", "correspondent", SampleMediations.admissible());
        waiting.put("ContactSme", contact);
        waiting.put("ConductMediationLevelOne", process.atLevelOne(SampleMediations.contractDispute(), CONTACTED));
        ProcessInstance renewalOne = process.atLevelOne(SampleMediations.contractDispute(), CONTACTED);
        process.complete(renewalOne, "ConductMediationLevelOne", "correspondent", renewalProposal());
        waiting.put("AgreeToRenewalLevelOne", renewalOne);
        waiting.put("ConductMediationLevelTwo", atLevelTwoOfVersion1());
        ProcessInstance renewalTwo = atLevelTwoOfVersion1();
        process.complete(renewalTwo, "ConductMediationLevelTwo", "mediator", renewalProposal());
        waiting.put("AgreeToRenewalLevelTwo", renewalTwo);
        Map<String, String> taskIds = new LinkedHashMap<>();
        waiting.forEach((step, instance) -> {
            assertThat(instance).isWaitingAt(step);
            taskIds.put(step, process.task(instance, step).getId());
        });

        deploy("processes/mediation-escalation.bpmn", Path.of("processes/mediation-escalation.bpmn"));
        // Cases left running by other tests on earlier deployments move too: none stays behind.
        assertThat(migration.migrateRunningCases()).isGreaterThanOrEqualTo(waiting.size());

        ProcessDefinition version2 = latest();
        assertThat(version2.getVersionTag()).isEqualTo("2");
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(MediationModelMigration.PROCESS)
                        .list())
                .allSatisfy(
                        running -> assertThat(running.getProcessDefinitionId()).isEqualTo(version2.getId()));
        Map<String, String> expected = Map.of(
                "QualifyRequest",
                "QualifyRequest",
                "ContactSme",
                "ContactSme",
                "ConductMediationLevelOne",
                "ConductMediation",
                "AgreeToRenewalLevelOne",
                "AgreeToRenewal",
                "ConductMediationLevelTwo",
                "ConductMediation",
                "AgreeToRenewalLevelTwo",
                "AgreeToRenewal");
        waiting.forEach((step, instance) -> {
            ProcessInstance migrated = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceId(instance.getId())
                    .singleResult();
            assertThat(migrated.getProcessDefinitionId()).as(step).isEqualTo(version2.getId());
            assertThat(migrated).isWaitingAt(expected.get(step), "WithdrawCase");
            assertThat(process.task(migrated, expected.get(step)).getId())
                    .as(step)
                    .isEqualTo(taskIds.get(step));
        });
        for (String step : List.of(
                "ConductMediationLevelOne",
                "AgreeToRenewalLevelOne",
                "ConductMediationLevelTwo",
                "AgreeToRenewalLevelTwo")) {
            assertThat(engine.getManagementService()
                            .createJobQuery()
                            .processInstanceId(waiting.get(step).getId())
                            .activityId("LevelDeadlinePassed")
                            .count())
                    .as(step + ": its level's deadline")
                    .isEqualTo(1);
        }
        assertThat(groups(process.task(waiting.get("ConductMediationLevelTwo"), "ConductMediation")))
                .containsExactly("ministry-mediators");

        // Each carries on, on the new model: level 1 fails over to level 2, level 2 to the national mediator.
        ProcessInstance levelOne = waiting.get("ConductMediationLevelOne");
        process.complete(levelOne, "ConductMediation", "correspondent", failure());
        assertThat(levelOne)
                .hasPassed("LevelFailureEscalated", "EscalateAfterFailure", "NextLevel", "NotifyEscalation")
                .isWaitingAt("ConductMediation", "WithdrawCase");
        Task levelTwoTask = process.task(levelOne, "ConductMediation");
        assertThat(levelTwoTask.getName())
                .startsWith("Conduire la médiation (niveau 2) — " + levelOne.getBusinessKey());
        assertThat(groups(levelTwoTask)).containsExactly("ministry-mediators");

        ProcessInstance levelTwo = waiting.get("ConductMediationLevelTwo");
        process.complete(levelTwo, "ConductMediation", "mediator", failure());
        assertThat(levelTwo)
                .hasPassed("NextLevel", "CloseAsEscalatedExternal", "HandOffToNationalMediator")
                .isWaitingAt("RateService");

        ProcessInstance renewed = waiting.get("AgreeToRenewalLevelTwo");
        process.complete(renewed, "AgreeToRenewal", "pme-demo", SampleMediations.renewalResponse(true));
        assertThat(renewed).hasPassed("LevelRenewed").isWaitingAt("ConductMediation", "WithdrawCase");

        ProcessInstance qualified = waiting.get("QualifyRequest");
        process.complete(qualified, "QualifyRequest", "correspondent", SampleMediations.admissible());
        process.complete(qualified, "ContactSme", "correspondent", SampleMediations.firstContact(CONTACTED));
        assertThat(process.task(qualified, "ConductMediation").getName())
                .startsWith("Conduire la médiation (niveau 1) — " + qualified.getBusinessKey());
    }

    private ProcessInstance atLevelTwoOfVersion1() {
        ProcessInstance instance = process.atLevelOne(SampleMediations.contractDispute(), CONTACTED);
        process.complete(instance, "ConductMediationLevelOne", "correspondent", failure());
        return instance;
    }

    private List<String> groups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(group -> group != null)
                .toList();
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(MediationModelMigration.PROCESS)
                .latestVersion()
                .singleResult();
    }

    /** A deployment as the application makes one: the model with every form it references by deployment. */
    private void deploy(String name, Path model) {
        DeploymentBuilder deployment = engine.getRepositoryService()
                .createDeployment()
                .name("migration-test")
                .addInputStream(name, read(model));
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            forms.filter(form -> form.toString().endsWith(".form"))
                    .forEach(form -> deployment.addInputStream("forms/" + form.getFileName(), read(form)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
    }

    private static InputStream read(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
