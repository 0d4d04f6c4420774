package fr.defense.rapid.retention;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A finished case is kept for the retention period after its end (10 years: 3,653 days), then leaves
 * the engine's history (the engine's cleanup) and our tables (RetentionPurge) alike; a case within the
 * period, and an open one, stay. Played in the 1990s, earlier than any other test's data, so that the
 * engine's cleanup, which removes whatever is past its removal time, finds only these cases.
 */
@ProcessTest
class RetentionTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final ZonedDateTime LONG_AGO = ZonedDateTime.of(1990, 1, 15, 10, 0, 0, 0, PARIS);
    static final ZonedDateTime LAST_YEAR = ZonedDateTime.of(1999, 5, 10, 10, 0, 0, 0, PARIS);
    /** More than 3,653 days after the cases of 1990 ended, less after those of 1999. */
    static final ZonedDateTime TODAY = ZonedDateTime.of(2000, 6, 1, 9, 0, 0, 0, PARIS);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RetentionPurge purge;

    @Autowired
    DefinitionTimeToLive timeToLive;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        engine.getHistoryService()
                .findHistoryCleanupJobs()
                .forEach(job -> engine.getManagementService().deleteJob(job.getId()));
    }

    @Test
    void everyProcessAndDecisionKeepsItsHistoryForTheConfiguredPeriodNotTheModels() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isEqualTo(3653));
        assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().list())
                .isNotEmpty()
                .allSatisfy(definition -> assertThat(definition.getHistoryTimeToLive())
                        .as(definition.getKey())
                        .isEqualTo(3653));
        assertThat(timeToLive.apply()).as("a second start changes nothing").isZero();
    }

    @Test
    void casesFinishedLongerAgoThanTheRetentionPeriodLeaveTheEngineAndOurTablesOpenAndRecentOnesStay() {
        RapidProcess rapid = new RapidProcess(engine, attachments);
        clockAt(LONG_AGO);
        ProcessInstance ineligible = rapid.submitted(ineligibleDossier());
        ProcessInstance contestable = rapid.rejected(SampleDossiers.smallCompany());
        ProcessInstance rejected = rapid.rejected(SampleDossiers.smallCompany());
        rapid.timePasses(rejected, Duration.ofDays(70)); // the contest period passes: the dossier's process ends
        ProcessInstance notAdmissible = rapid.filed(SampleMediations.contractDispute());
        rapid.complete(notAdmissible, "QualifyRequest", "correspondent", SampleMediations.notAdmissible());
        rapid.complete(notAdmissible, "RateService", "pme-demo", SampleMediations.rating(4));
        ProcessInstance open = rapid.submitted(SampleDossiers.smallCompany());
        clockAt(LAST_YEAR);
        ProcessInstance recent = rapid.submitted(ineligibleDossier());
        List<ProcessInstance> expired = List.of(ineligible, rejected, notAdmissible);
        List<ProcessInstance> kept = List.of(contestable, open, recent);
        expired.forEach(instance -> assertThat(filed(instance)).isPositive());
        assertThat(rows("evaluation", "dossier_number", rejected)).isPositive();
        assertThat(rows("attachment", "dossier_number", ineligible)).isPositive();
        assertThat(rows("notification", "case_number", notAdmissible)).isPositive();

        clockAt(TODAY);
        // Two nodes purge at the same moment: together they remove each case once, and neither fails.
        CompletableFuture<RetentionPurge.Report> node1 = CompletableFuture.supplyAsync(purge::purgeExpired);
        CompletableFuture<RetentionPurge.Report> node2 = CompletableFuture.supplyAsync(purge::purgeExpired);
        RetentionPurge.Report first = node1.join();
        RetentionPurge.Report second = node2.join();
        runEngineHistoryCleanup();

        assertThat(first.dossiers() + second.dossiers()).isEqualTo(2);
        assertThat(first.cases() + second.cases()).isEqualTo(1);
        for (ProcessInstance instance : expired) {
            assertThat(filed(instance))
                    .as(instance.getBusinessKey() + " in our tables")
                    .isZero();
            assertThat(inEngineHistory(instance))
                    .as(instance.getBusinessKey() + " in the engine's history")
                    .isZero();
        }
        assertThat(rows("evaluation", "dossier_number", rejected)).isZero();
        assertThat(rows("attachment", "dossier_number", ineligible)).isZero();
        assertThat(rows("notification", "dossier_number", ineligible)).isZero();
        assertThat(rows("notification", "case_number", notAdmissible)).isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricDecisionInstanceQuery()
                        .processInstanceId(ineligible.getId())
                        .count())
                .as("the eligibility decisions of the expired dossier")
                .isZero();
        for (ProcessInstance instance : kept) {
            assertThat(filed(instance))
                    .as(instance.getBusinessKey() + " in our tables")
                    .isPositive();
            assertThat(inEngineHistory(instance))
                    .as(instance.getBusinessKey() + " in the engine's history")
                    .isOne();
        }
        assertThat(rows("dossier", "dossier_number", contestable))
                .as("closed in 1990, but still open to a contest: kept while its process runs")
                .isOne();
        assertThat(purge.purgeExpired().dossiers())
                .as("a second purge finds nothing more")
                .isZero();
    }

    private static Map<String, Object> ineligibleDossier() {
        Map<String, Object> large = SampleDossiers.largeCompany();
        large.put("personnelCostEur", 100_000L);
        return large;
    }

    /** The engine's cleanup as the nightly job runs it, now. */
    private void runEngineHistoryCleanup() {
        engine.getHistoryService().cleanUpHistoryAsync(true);
        List<Job> jobs = engine.getHistoryService().findHistoryCleanupJobs();
        assertThat(jobs).isNotEmpty();
        jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }

    private long inEngineHistory(ProcessInstance instance) {
        return engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId())
                .count();
    }

    /** The case's rows in our tables: its record and its timeline. */
    private long filed(ProcessInstance instance) {
        String reference = instance.getBusinessKey();
        String table = reference.startsWith("MED-") ? "mediation_case" : "dossier";
        String column = reference.startsWith("MED-") ? "case_number" : "dossier_number";
        return rows(table, column, instance) + rows("case_event", "case_reference", instance);
    }

    private long rows(String table, String column, ProcessInstance instance) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :reference")
                .param("reference", instance.getBusinessKey())
                .query(Long.class)
                .single();
    }

    private static void clockAt(ZonedDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }
}
