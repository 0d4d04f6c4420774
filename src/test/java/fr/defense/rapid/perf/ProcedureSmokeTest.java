package fr.defense.rapid.perf;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.perf.Load.Run;
import fr.defense.rapid.perf.Load.Sample;
import fr.defense.rapid.support.AppTest;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The procedure benchmark's own scenarios (ProcedureScenarios), run for a few seconds with small counts
 * against the test application, checking what they did, never how fast: every submission answered 201
 * with a unique, well-formed number and one process instance; every task completion ended its task;
 * each lifecycle reached grant awarded; the queued acknowledgments were all sent and no job is left.
 */
@AppTest
class ProcedureSmokeTest {

    @LocalServerPort
    int port;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    ProcedureScenarios scenarios;

    @BeforeEach
    void client() {
        scenarios = new ProcedureScenarios(new RapidClient("http://localhost:" + port));
    }

    @AfterEach
    void removeTheBareModel() {
        // Its open tasks would otherwise sit among the experts' work for the other tests.
        for (Deployment deployment : repository
                .createDeploymentQuery()
                .deploymentName("procedure-benchmark")
                .list()) {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void submissionsAreEachAnsweredOnceWithTheirOwnNumberAndProcess() {
        scenarios.deployBareModel();

        Run bare = Load.run(4, 8, i -> scenarios.bareStart());
        Run submissions = Load.run(4, 16, i -> scenarios.submit());

        assertThat(bare.samples()).extracting(Sample::status).containsOnly(200);
        assertThat(submissions.samples()).extracting(Sample::status).containsOnly(201);
        List<String> numbers = submissions.results();
        assertThat(numbers).hasSize(16).doesNotHaveDuplicates().allMatch(n -> n.matches("RAPID-\\d{4}-\\d{5}"));
        for (String number : numbers) {
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey("rapid-subsidy")
                            .processInstanceBusinessKey(number)
                            .count())
                    .as("process instances of %s", number)
                    .isEqualTo(1);
        }
    }

    @Test
    void eachKindOfTaskCompletionEndsItsTask() {
        scenarios.deployBareModel();
        List<String> bare = Load.prepare(2, 3, i -> scenarios.bareTask());
        List<String> evaluations = Load.prepare(2, 3, i -> scenarios.evaluationTask());
        List<String> smeTasks = Load.prepare(2, 3, i -> scenarios.smeTask());

        assertThat(Load.run(3, 3, i -> scenarios.completeBare(bare.get(i))).samples())
                .extracting(Sample::status)
                .containsOnly(204);
        assertThat(Load.run(3, 3, i -> scenarios.completeEvaluation(evaluations.get(i)))
                        .samples())
                .extracting(Sample::status)
                .containsOnly(204);
        assertThat(Load.run(3, 3, i -> scenarios.completeSmeTask(smeTasks.get(i)))
                        .samples())
                .extracting(Sample::status)
                .containsOnly(204);
        for (List<String> tasks : List.of(bare, evaluations, smeTasks)) {
            for (String task : tasks) {
                assertThat(history.createHistoricTaskInstanceQuery()
                                .taskId(task)
                                .singleResult()
                                .getDeleteReason())
                        .isEqualTo("completed");
            }
        }
        for (String evaluation : evaluations) {
            assertThat(history.createHistoricTaskInstanceQuery()
                            .taskId(evaluation)
                            .singleResult()
                            .getAssignee())
                    .isEqualTo("expert");
        }
    }

    @Test
    void lifecyclesReachGrantAwarded() {
        Run lifecycles = Load.run(2, 2, i -> scenarios.lifecycle());

        assertThat(lifecycles.results()).hasSize(2).doesNotHaveDuplicates();
        for (String number : lifecycles.results()) {
            assertThat(jdbc.sql("select status from dossier where dossier_number = ?")
                            .param(number)
                            .query(String.class)
                            .single())
                    .isEqualTo("GRANTED");
        }
    }

    @Test
    void queuedAcknowledgmentsAreAllDrained() {
        ProcedureScenarios.Drain drain = scenarios.queueAndDrain(12, 4);

        assertThat(drain.dossiers()).hasSize(12).doesNotHaveDuplicates();
        assertThat(drain.jobs()).as("two jobs per acknowledgment, all queued").isEqualTo(24);
        assertThat(management
                        .createJobQuery()
                        .activityId("NotifyAcknowledgment")
                        .withRetriesLeft()
                        .count())
                .isZero();
        assertThat(management
                        .createJobDefinitionQuery()
                        .activityIdIn("NotifyAcknowledgment")
                        .suspended()
                        .count())
                .as("the job definition is active again")
                .isZero();
        for (String number : drain.dossiers()) {
            assertThat(jdbc.sql("select count(*) from case_event where case_reference = ? and event_type = ?")
                            .param(number)
                            .param("NOTIFICATION_ACKNOWLEDGMENT")
                            .query(Long.class)
                            .single())
                    .as("acknowledgment of %s", number)
                    .isEqualTo(1);
        }
    }
}
