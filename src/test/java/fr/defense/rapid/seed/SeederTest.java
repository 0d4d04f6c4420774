package fr.defense.rapid.seed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.OtherJobExecutorsPaused;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seeding tool, small: a year of history ending in 2087 (far from every other test's dossiers),
 * then removed. The seeder moves the engine clock: the running application's job executor is paused
 * meanwhile.
 */
@AppTest
@ExtendWith(OtherJobExecutorsPaused.class)
class SeederTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2087, 6, 30);
    private static final String DOSSIERS = "RAPID-208%";
    private static final String CASES = "MED-208%";

    @LocalServerPort
    int port;

    @Autowired
    Seeder seeder;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Test
    void seedsFinishedDossiersAndCasesAndOpenTasksThatTheDashboardReads() {
        SeedReport report = seeder.seed(new SeedSettings(200, 40, 20, 1, LAST_DAY, true, 7));

        // Finished ones: our rows, closed, with their engine history, in the year before the last day.
        assertThat(count(
                        "select count(*) from dossier d join act_hi_procinst p on p.id_ = d.process_instance_id"
                                + " where d.dossier_number like ? and p.end_time_ is not null",
                        DOSSIERS))
                .isEqualTo(200);
        assertThat(count(
                        "select count(*) from dossier d join act_hi_procinst p on p.id_ = d.process_instance_id"
                                + " where d.dossier_number like ? and p.end_time_ is not null"
                                + " and closed_at is null",
                        DOSSIERS))
                .isZero();
        assertThat(count(
                        "select count(*) from mediation_case m join act_hi_procinst p on p.id_ = m.process_instance_id"
                                + " where m.case_number like ? and p.end_time_ is not null",
                        CASES))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from act_hi_procinst where business_key_ like ? and end_time_ is not null",
                        DOSSIERS))
                .isEqualTo(200);
        assertThat(count(
                        "select count(*) from act_hi_procinst where business_key_ like ? and end_time_ is not null",
                        CASES))
                .isEqualTo(40);
        assertThat(count(
                        "select count(*) from dossier where dossier_number like ?"
                                + " and (submitted_at < timestamp with time zone '2086-06-29 00:00:00+00' or closed_at > timestamp with time zone '2087-07-01 00:00:00+00')",
                        DOSSIERS))
                .isZero();
        // Every dossier's first stage event is its submission; stage events follow each other in time.
        assertThat(count(
                        "select count(*) from dossier d where dossier_number like ? and not exists (select 1 from case_event e"
                                + " where e.case_reference = d.dossier_number and e.event_type = 'SUBMITTED' and e.occurred_at = d.submitted_at)",
                        DOSSIERS))
                .isZero();
        // Real numbers, given in filing order.
        List<String> byFiling = jdbc.queryForList(
                "select dossier_number from dossier where dossier_number like ? order by submitted_at",
                String.class,
                DOSSIERS);
        for (String year : List.of("2086", "2087")) {
            assertThat(byFiling.stream()
                            .filter(n -> n.startsWith("RAPID-" + year))
                            .toList())
                    .isNotEmpty()
                    .isSorted();
        }

        // Open ones: started by the engine, each staff task with its candidate group, named after its case.
        assertThat(report.staffTasks()).isEqualTo(20);
        List<Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKeyLike("%-208%")
                .withCandidateGroups()
                .list();
        assertThat(open).hasSize(20);
        assertThat(open).allSatisfy(task -> assertThat(task.getName()).matches(".+ — (RAPID|MED)-208\\d-\\d{5} — .+"));
        assertThat(open)
                .filteredOn(task -> task.getTaskDefinitionKey().equals("TechnicalEvaluation"))
                .isNotEmpty()
                .allSatisfy(task -> assertThat(Duration.between(
                                task.getCreateTime().toInstant(),
                                task.getDueDate().toInstant()))
                        .isEqualTo(Duration.ofDays(21)));
        assertThat(count(
                        "select count(*) from dossier d join act_ru_execution x on x.id_ = d.process_instance_id"
                                + " where d.dossier_number like ?",
                        DOSSIERS))
                .isEqualTo(report.openDossiers());
        // The waiting step's listener recorded the stage, at the moment it was reached.
        Map<String, Object> evaluated = jdbc.queryForMap(
                "select d.status, count(e.id) as events from dossier d join case_event e on e.case_reference = d.dossier_number"
                        + " and e.event_type = 'UNDER_EVALUATION' where d.process_instance_id = ? group by d.status",
                open.stream()
                        .filter(task -> task.getTaskDefinitionKey().equals("TechnicalEvaluation"))
                        .findFirst()
                        .orElseThrow()
                        .getProcessInstanceId());
        assertThat(evaluated).containsEntry("status", "UNDER_EVALUATION").containsEntry("events", 1L);

        // The dashboard reads them: the seeded year's cohort is exactly the seeded dossiers submitted in it.
        Http.Response rapid = new Http(port).get("manager", "/dashboard/api/rapid?from=2086-06-29&to=2087-06-30");
        assertThat(rapid.okJson().get("dossiers").asLong())
                .isEqualTo(count("select count(*) from dossier where dossier_number like ?", DOSSIERS));
        assertThat(new Http(port)
                        .get("manager", "/dashboard/api/mediation?from=2086-06-29&to=2087-06-30")
                        .okJson()
                        .get("cases")
                        .asLong())
                .isEqualTo(count("select count(*) from mediation_case where case_number like ?", CASES));
        overlayCountsTheSeededEvaluations();
    }

    /** The bottleneck map reads the seeded history: evaluations completed in the seeded year. */
    private void overlayCountsTheSeededEvaluations() {
        long evaluations = count(
                "select count(*) from act_hi_actinst a join act_hi_procinst p on p.id_ = a.proc_inst_id_"
                        + " where p.business_key_ like ? and a.act_id_ = 'TechnicalEvaluation' and a.end_time_ is not null",
                DOSSIERS);
        JsonNode activities = new Http(port)
                .get("manager", "/dashboard/api/processes/rapid-subsidy/overlay?from=2086-06-29&to=2087-06-30")
                .okJson()
                .get("activities");
        JsonNode evaluation = null;
        for (JsonNode activity : activities) {
            if (activity.get("activityId").asText().equals("TechnicalEvaluation")) {
                evaluation = activity;
            }
        }
        assertThat(evaluations).isPositive();
        assertThat(evaluation).isNotNull();
        assertThat(evaluation.get("completedInPeriod").asLong()).isEqualTo(evaluations);
    }

    /** The seeded year leaves nothing behind for the other tests of this application. */
    @AfterEach
    void removeTheSeededYear() {
        List<String> running =
                runtime.createProcessInstanceQuery().processInstanceBusinessKeyLike("%-208%").list().stream()
                        .map(instance -> instance.getId())
                        .toList();
        if (!running.isEmpty()) {
            runtime.deleteProcessInstances(running, "seed test", true, true, true);
        }
        List<String> finished = jdbc.queryForList(
                "select id_ from act_hi_procinst where business_key_ like ? or business_key_ like ?",
                String.class,
                DOSSIERS,
                CASES);
        if (!finished.isEmpty()) {
            history.deleteHistoricProcessInstancesBulk(finished);
        }
        jdbc.update("delete from case_event where case_reference like ? or case_reference like ?", DOSSIERS, CASES);
        jdbc.update("delete from mediation_action where case_number like ?", CASES);
        jdbc.update("delete from notification where case_number like ? or dossier_number like ?", CASES, DOSSIERS);
        jdbc.update("delete from mediation_case where case_number like ?", CASES);
        jdbc.update("delete from dossier where dossier_number like ?", DOSSIERS);
        jdbc.update("delete from case_number_counter where counter_year between 2080 and 2089");
    }

    private long count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Long.class, arguments);
    }
}
