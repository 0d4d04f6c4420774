package fr.defense.rapid.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.dashboard.Figures.ActivityLoad;
import fr.defense.rapid.dashboard.Figures.ProcessOverlay;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bottleneck map against a history built by hand: instances stopped at known activities, the
 * engine clock moved between steps, in a period of 2041 that no other test reaches. Tokens waiting
 * and overdue are counted on top of what other tests left in the same database (a baseline read at
 * the same clock time before anything is started).
 */
@ProcessTest
class ProcessOverlaysTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2041, 3, 4, 9, 0, 0, 0, PARIS);
    private static final DashboardFilter SPRING_2041 =
            DashboardFilter.parse("2041-03-01", "2041-04-30", null, null, null);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    ProcessOverlays overlays;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rapidMapCountsTokensOverdueTasksAndMedianTimesAgainstTheDeadlines() {
        RapidProcess rapid = new RapidProcess(engine, attachments);
        DashboardFilter region =
                DashboardFilter.parse("2041-03-01", "2041-04-30", "UNDER_EVALUATION", "Auvergne-Rhône-Alpes", "SMALL");
        at(MONDAY.plusDays(30));
        Map<String, ActivityLoad> before = byActivity(overlays.overlay("rapid-subsidy", SPRING_2041));
        // Waiting and overdue are about now, whatever the period: other tests' small companies of this
        // region under evaluation count too (and are overdue in 2041), so only what this test adds is checked.
        Map<String, ActivityLoad> beforeInRegion = byActivity(overlays.overlay("rapid-subsidy", region));

        at(MONDAY);
        ProcessInstance a = rapid.submitted(SampleDossiers.smallCompany());
        ProcessInstance b = rapid.submitted(SampleDossiers.smallCompany());
        rapid.submitted(SampleDossiers.smallCompany());
        // A is checked complete after 2 days, B after 4; C is still waiting for the secretariat.
        at(MONDAY.plusDays(2));
        rapid.complete(a, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        at(MONDAY.plusDays(4));
        rapid.complete(b, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        // Day 30: both evaluations are past their 21 days; A's is done after 28 days, B's is not.
        rapid.timePasses(a, Duration.ofDays(26));
        rapid.runDueJobs(b);
        rapid.complete(a, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());

        ProcessOverlay overlay = overlays.overlay("rapid-subsidy", SPRING_2041);
        Map<String, ActivityLoad> after = byActivity(overlay);
        assertThat(overlay.processName()).isEqualTo("Subvention RAPID");
        assertThat(after.get("CheckCompleteness"))
                .extracting(
                        ActivityLoad::completedInPeriod,
                        ActivityLoad::medianDays,
                        ActivityLoad::deadlineDays,
                        ActivityLoad::level)
                .containsExactly(2L, 3.0, null, "NONE");
        assertThat(after.get("TechnicalEvaluation"))
                .extracting(
                        ActivityLoad::completedInPeriod,
                        ActivityLoad::medianDays,
                        ActivityLoad::deadlineDays,
                        ActivityLoad::level)
                .containsExactly(1L, 28.0, 21.0, "LATE");
        assertThat(after.get("ProvideComplements"))
                .extracting(
                        ActivityLoad::completedInPeriod,
                        ActivityLoad::medianDays,
                        ActivityLoad::deadlineDays,
                        ActivityLoad::level)
                .containsExactly(0L, null, 30.0, "NONE");
        assertThat(after.get("AcceptAgreement").deadlineDays()).isEqualTo(60.0);
        // Now: C at the completeness check, B at the evaluation (overdue), A before the committee;
        // all three inside the instruction subprocess.
        assertThat(added(before, after, ActivityLoad::waitingNow))
                .containsEntry("CheckCompleteness", 1L)
                .containsEntry("TechnicalEvaluation", 1L)
                .containsEntry("CommitteeDecision", 1L)
                .containsEntry("InstructDossier", 3L)
                .containsEntry("ProvideComplements", 0L);
        assertThat(added(before, after, ActivityLoad::overdueNow))
                .containsEntry("TechnicalEvaluation", 1L)
                .containsEntry("CheckCompleteness", 0L)
                .containsEntry("CommitteeDecision", 0L);
        // Gateways, plain events and boundary timers are no places to wait on the map.
        assertThat(after)
                .containsKeys("RegisterDossier", "InstructDossier", "AwaitContest", "ContestPeriodOver")
                .doesNotContainKeys("DossierSubmitted", "EvaluationSlaExceeded", "GrantAwarded");
        // Automatic steps are on the map (a token stuck there shows) but take no time worth a median.
        assertThat(after.get("RegisterDossier"))
                .extracting(ActivityLoad::completedInPeriod, ActivityLoad::medianDays)
                .containsExactly(0L, null);

        // The dossier criteria narrow the map: none of these small companies is an ETI.
        DashboardFilter etis = DashboardFilter.parse("2041-03-01", "2041-04-30", null, null, "ETI");
        assertThat(byActivity(overlays.overlay("rapid-subsidy", etis)).get("CheckCompleteness"))
                .extracting(ActivityLoad::completedInPeriod, ActivityLoad::medianDays)
                .containsExactly(0L, null);
        Map<String, ActivityLoad> afterInRegion = byActivity(overlays.overlay("rapid-subsidy", region));
        assertThat(added(beforeInRegion, afterInRegion, ActivityLoad::waitingNow))
                .containsEntry("TechnicalEvaluation", 1L)
                .containsEntry("CheckCompleteness", 0L);
        assertThat(added(beforeInRegion, afterInRegion, ActivityLoad::overdueNow))
                .containsEntry("TechnicalEvaluation", 1L);
    }

    @Test
    void mediationMapJudgesTheAnswerAndTheFirstContactAgainstTheirCommitments() {
        RapidProcess rapid = new RapidProcess(engine, attachments);
        at(MONDAY.plusDays(13));
        Map<String, ActivityLoad> before = byActivity(overlays.overlay("mediation-escalation", SPRING_2041));

        at(MONDAY);
        ProcessInstance request = rapid.filed(SampleMediations.latePayment());
        // Qualified after 12 days of 21 (15 working days): more than half the time, WARNING;
        // contacted one day later, 1 day of 7: OK.
        rapid.timePasses(request, Duration.ofDays(12));
        rapid.complete(request, "QualifyRequest", "correspondent", SampleMediations.admissible());
        rapid.timePasses(request, Duration.ofDays(1));
        rapid.complete(
                request, "ContactSme", "correspondent", SampleMediations.firstContact(LocalDate.of(2041, 3, 17)));

        Map<String, ActivityLoad> after = byActivity(overlays.overlay("mediation-escalation", SPRING_2041));
        assertThat(after.values())
                .filteredOn(load -> load.deadlineDays() != null)
                .extracting(
                        ActivityLoad::activityId,
                        ActivityLoad::activityName,
                        ActivityLoad::completedInPeriod,
                        ActivityLoad::medianDays,
                        ActivityLoad::deadlineDays,
                        ActivityLoad::level)
                .containsExactlyInAnyOrder(
                        tuple("QualifyRequest", "Qualifier la demande", 1L, 12.0, 21.0, "WARNING"),
                        tuple("ContactSme", "Premier contact avec l'entreprise", 1L, 1.0, 7.0, "OK"),
                        // Three months of a mean 30.44 days.
                        tuple("ConductMediation", "Conduire la médiation", 0L, null, 91.3, "NONE"));
        assertThat(added(before, after, ActivityLoad::waitingNow))
                .containsEntry("ConductMediation", 1L)
                .containsEntry("MediateAtLevel", 1L)
                .containsEntry("MediateCase", 1L)
                .containsEntry("QualifyRequest", 0L);
    }

    @Test
    void levelsStandAtHalfTheDeadlineAndAtTheDeadline() {
        assertThat(ProcessOverlays.level(10.4, 21.0)).isEqualTo("OK");
        assertThat(ProcessOverlays.level(10.5, 21.0)).isEqualTo("WARNING");
        assertThat(ProcessOverlays.level(20.9, 21.0)).isEqualTo("WARNING");
        assertThat(ProcessOverlays.level(21.0, 21.0)).isEqualTo("LATE");
        assertThat(ProcessOverlays.level(null, 21.0)).isEqualTo("NONE");
        assertThat(ProcessOverlays.level(5.0, null)).isEqualTo("NONE");
    }

    @Test
    void diagramIsTheLatestDeployedModel() {
        assertThat(overlays.diagram("rapid-subsidy"))
                .contains("<bpmn:process id=\"rapid-subsidy\"", "bpmndi:BPMNDiagram");
    }

    private static void at(ZonedDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
    }

    private static Map<String, ActivityLoad> byActivity(ProcessOverlay overlay) {
        return overlay.activities().stream().collect(Collectors.toMap(ActivityLoad::activityId, Function.identity()));
    }

    private static Map<String, Long> added(
            Map<String, ActivityLoad> before, Map<String, ActivityLoad> after, Function<ActivityLoad, Long> figure) {
        return after.keySet().stream()
                .collect(Collectors.toMap(id -> id, id -> figure.apply(after.get(id)) - figure.apply(before.get(id))));
    }
}
