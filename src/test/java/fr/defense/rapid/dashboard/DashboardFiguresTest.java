package fr.defense.rapid.dashboard;

import static fr.defense.rapid.demo.SampleMediations.admissible;
import static fr.defense.rapid.demo.SampleMediations.agreement;
import static fr.defense.rapid.demo.SampleMediations.failure;
import static fr.defense.rapid.demo.SampleMediations.firstContact;
import static fr.defense.rapid.demo.SampleMediations.notAdmissible;
import static fr.defense.rapid.demo.SampleMediations.rating;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.dashboard.Figures.AmountsBy;
import fr.defense.rapid.dashboard.Figures.GroupWork;
import fr.defense.rapid.dashboard.Figures.KeyCount;
import fr.defense.rapid.dashboard.Figures.LevelTime;
import fr.defense.rapid.dashboard.Figures.MediationFigures;
import fr.defense.rapid.dashboard.Figures.MonthCount;
import fr.defense.rapid.dashboard.Figures.RapidFigures;
import fr.defense.rapid.dashboard.Figures.Share;
import fr.defense.rapid.dashboard.Figures.StageTime;
import fr.defense.rapid.dashboard.Figures.TaskLink;
import fr.defense.rapid.dashboard.Figures.TimeFigure;
import fr.defense.rapid.dashboard.Figures.WorkFigures;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.demo.SampleMediations;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The figures must be true (issue 13): a known history of RAPID dossiers and mediation cases,
 * each step at a set time on the engine clock, through the real processes; then every figure of
 * the dashboard API (the controller, as GET /dashboard/api/... calls it) against the values
 * computed by hand below.
 *
 * <p>Isolation: the process tests share one database. RAPID and mediation figures are about a
 * period, here the first half of 2084, a year no other test uses.
 * Work figures are about open tasks now, whatever their year: the Work test creates its tasks in
 * March 1986, before any other test's, and looks at them on 1 May 1986. Then only its tasks are
 * overdue (every other task is due decades later) and they are the oldest of their groups; the open
 * counts are compared with those just before they were created. It ends its processes afterwards, so
 * that no other test meets tasks overdue since 1986.
 *
 * <p>Times are UTC; Paris is UTC+1 in winter and UTC+2 from 26 March 2084 (so 09:00Z is 10:00 or
 * 11:00 in Paris). A day is 86,400 s: 30 minutes are 1/48 day.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardFiguresTest {

    static final String NORTH = "Hauts-de-France";
    static final String SOUTH = "Occitanie";
    static final String FROM = "2084-01-01";
    static final String TO = "2084-06-30";
    /** When the figures are read: a Sunday, after everything below. */
    static final Instant NOW = Instant.parse("2084-07-02T12:00:00Z");

    static final Offset<Double> EXACT = within(1e-9);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    @Autowired
    DashboardApi api;

    @Autowired
    FormCatalog forms;

    RapidProcess process;

    /**
     * The RAPID history (D7 is submitted before the period and decided in it):
     *
     * <pre>
     *      category region submitted (Z)  stages                                                   requested proposed granted
     * D1   SMALL   Hauts  01-08 09:00  completeness 3 d, evaluation 5 d, committee 9 d (approved   200 000   200 000  150 000
     *                                  01-25), agreement accepted 2 d later: GRANTED
     * D2   MEDIUM  Occit. 01-20 09:00  completeness 2 d, complements 4 d, completeness 1 d,          500 000   315 000        -
     *                                  evaluation 7 d, committee until 05-20 08:30 (rejected): REJECTED
     * D3   SMALL   Hauts  02-10 09:00  completeness 4 d, evaluation 10 d, committee until 06-10     120 000   120 000  100 000
     *                                  08:00 (approved): APPROVED
     * D4   LARGE   Hauts  03-05 09:00  INELIGIBLE at once                                            200 000         -        -
     * D5   SMALL   Occit. 03-15 09:00  COMPLETENESS_CHECK                                            200 000         -        -
     * D6   MEDIUM  Hauts  03-31 22:30  (1 April 00:30 in Paris) completeness 3 d: UNDER_EVALUATION   500 000         -        -
     * D7   SMALL   Hauts  2083-12-28   rejected 2084-01-15 09:00                                     200 000   200 000        -
     * </pre>
     *
     * Proposals (DMN): small, collaborative industrial research: min(requested, 80 % × 400 000);
     * medium, experimental development alone: 35 % × 900 000 = 315 000 < 500 000.
     */
    @BeforeAll
    void buildTheHistory() {
        process = new RapidProcess(engine, attachments);
        try {
            rapidHistory();
            mediationHistory();
        } finally {
            ClockUtil.reset();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void resetClockAtLast() {
        ClockUtil.reset();
    }

    private void rapidHistory() {
        ProcessInstance d1 = submit("2084-01-08T09:00:00Z", small(NORTH, 200_000));
        step("2084-01-11T09:00:00Z", d1, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        step("2084-01-16T09:00:00Z", d1, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        step("2084-01-25T09:00:00Z", d1, "CommitteeDecision", "committee", SampleDossiers.approval(150_000));
        step("2084-01-27T09:00:00Z", d1, "AcceptAgreement", "pme-demo", Map.of("agreementResponse", "ACCEPTED"));

        ProcessInstance d2 = submit("2084-01-20T09:00:00Z", medium(SOUTH, 500_000));
        step("2084-01-22T09:00:00Z", d2, "CheckCompleteness", "secretariat", SampleDossiers.completeness(false));
        step(
                "2084-01-26T09:00:00Z",
                d2,
                "ProvideComplements",
                "pme-demo",
                Map.of("complementsResponse", "Pièces jointes."));
        step("2084-01-27T09:00:00Z", d2, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        step("2084-02-03T09:00:00Z", d2, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        step("2084-05-20T08:30:00Z", d2, "CommitteeDecision", "committee", SampleDossiers.rejection());

        ProcessInstance d3 = submit("2084-02-10T09:00:00Z", small(NORTH, 120_000));
        step("2084-02-14T09:00:00Z", d3, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        step("2084-02-24T09:00:00Z", d3, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        step("2084-06-10T08:00:00Z", d3, "CommitteeDecision", "committee", SampleDossiers.approval(100_000));

        Map<String, Object> large = SampleDossiers.largeCompany();
        large.put("companyRegion", NORTH);
        submit("2084-03-05T09:00:00Z", large);

        submit("2084-03-15T09:00:00Z", small(SOUTH, 200_000));

        ProcessInstance d6 = submit("2084-03-31T22:30:00Z", medium(NORTH, 500_000));
        step("2084-04-03T22:30:00Z", d6, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));

        ProcessInstance d7 = submit("2083-12-28T09:00:00Z", small(NORTH, 200_000));
        step("2083-12-29T09:00:00Z", d7, "CheckCompleteness", "secretariat", SampleDossiers.completeness(true));
        step("2084-01-02T09:00:00Z", d7, "TechnicalEvaluation", "expert", SampleDossiers.favourableEvaluation());
        step("2084-01-15T09:00:00Z", d7, "CommitteeDecision", "committee", SampleDossiers.rejection());
    }

    /**
     * The mediation history (M7 is filed before the period). The answer is due at the end of the
     * 15th French working day after the filing day; the first contact by the filing day + 7.
     *
     * <pre>
     * M1 LATE_PAYMENT (12 000 €)  filed Mon 01-10 09:00: answer due 01-31, answered 01-12; contacted on 01-13
     *                             (due 01-17); agreement at level 1 on 02-09 09:00 (30 d); rated 5
     * M2 CONTRACT_DISPUTE         filed Mon 01-17 09:00: answer due 02-07, answered 02-08 (late); contacted on
     *                             02-09 (due 01-24: late); level 1 fails 02-14 09:00; agreement at level 2 on
     *                             03-05 09:00 (20 d); rated 3
     * M3 LATE_PAYMENT (10 000 €)  filed Mon 02-07 09:00: answer due 02-28, answered (not admissible) 02-28
     *                             21:00Z = 22:00 in Paris, the last day (21.5 d at level 1); never rated
     * M4 IP_DISPUTE               filed Mon 03-06 09:00: answered 03-07; contacted on 03-13 (due 03-13);
     *                             level 1 fails 03-20, level 2 fails 04-10 08:00: handed off at once (0 d); rated 1
     * M5 OTHER                    filed Mon 04-03 09:00: never answered nor contacted (both past due by 07-02)
     * M6 UNILATERAL_TERMINATION   filed Wed 06-28 09:00: answered 06-29; contact due 07-05, not yet past
     * M7 CONTRACT_DISPUTE         filed 2083-12-20: outside the period
     * </pre>
     *
     * Late-payment interest: both invoices received 2026-03-02, paid 2026-04-30: 29 days late at
     * 2.15 % + 8 points: 12 000 × 10.15 % × 29 / 365 = 96.77 € + 40 € = 136.77 €; 10 000 × 10.15 %
     * × 29 / 365 = 80.64 € + 40 € = 120.64 €.
     */
    private void mediationHistory() {
        ProcessInstance m1 = file("2084-01-10T09:00:00Z", SampleMediations.latePayment());
        step("2084-01-12T09:00:00Z", m1, "QualifyRequest", "correspondent", admissible());
        step("2084-01-13T09:00:00Z", m1, "ContactSme", "correspondent", firstContact(LocalDate.of(2084, 1, 13)));
        step("2084-02-09T09:00:00Z", m1, "ConductMediation", "correspondent", agreement(LocalDate.of(2084, 3, 1)));
        step("2084-02-10T09:00:00Z", m1, "RateService", "pme-demo", rating(5));

        ProcessInstance m2 = file("2084-01-17T09:00:00Z", SampleMediations.contractDispute());
        step("2084-02-08T09:00:00Z", m2, "QualifyRequest", "correspondent", admissible());
        step("2084-02-09T09:00:00Z", m2, "ContactSme", "correspondent", firstContact(LocalDate.of(2084, 2, 9)));
        step("2084-02-14T09:00:00Z", m2, "ConductMediation", "correspondent", failure());
        step("2084-03-05T09:00:00Z", m2, "ConductMediation", "mediator", agreement(LocalDate.of(2084, 4, 1)));
        step("2084-03-06T09:00:00Z", m2, "RateService", "pme-demo", rating(3));

        Map<String, Object> smallerInvoice = SampleMediations.latePayment();
        smallerInvoice.put("invoiceAmountEur", 10_000L);
        smallerInvoice.put("amountAtStakeEur", 10_000L);
        ProcessInstance m3 = file("2084-02-07T09:00:00Z", smallerInvoice);
        step("2084-02-28T21:00:00Z", m3, "QualifyRequest", "correspondent", notAdmissible());

        ProcessInstance m4 = file("2084-03-06T09:00:00Z", subject("IP_DISPUTE"));
        step("2084-03-07T09:00:00Z", m4, "QualifyRequest", "correspondent", admissible());
        step("2084-03-13T09:00:00Z", m4, "ContactSme", "correspondent", firstContact(LocalDate.of(2084, 3, 13)));
        step("2084-03-20T09:00:00Z", m4, "ConductMediation", "correspondent", failure());
        step("2084-04-10T08:00:00Z", m4, "ConductMediation", "mediator", failure());
        step("2084-04-11T08:00:00Z", m4, "RateService", "pme-demo", rating(1));

        file("2084-04-03T09:00:00Z", subject("OTHER"));

        ProcessInstance m6 = file("2084-06-28T09:00:00Z", subject("UNILATERAL_TERMINATION"));
        step("2084-06-29T09:00:00Z", m6, "QualifyRequest", "correspondent", admissible());

        file("2083-12-20T09:00:00Z", SampleMediations.contractDispute());
    }

    @Test
    void rapidFiguresOfTheFirstHalfOf2084() {
        RapidFigures figures = rapid(FROM, TO, null, null, null);

        assertThat(figures.dossiers()).as("D1 to D6").isEqualTo(6);
        assertThat(figures.byStage())
                .extracting(KeyCount::key, KeyCount::label, KeyCount::count)
                .containsExactly(
                        tuple("SUBMITTED", "Déposé", 0L),
                        tuple("INELIGIBLE", "Inéligible", 1L),
                        tuple("COMPLETENESS_CHECK", "Vérification de complétude", 1L),
                        tuple("AWAITING_COMPLEMENTS", "Compléments demandés", 0L),
                        tuple("CLOSED_WITHOUT_FOLLOW_UP", "Classé sans suite", 0L),
                        tuple("UNDER_EVALUATION", "Évaluation technique", 1L),
                        tuple("AWAITING_DECISION", "Décision du comité", 0L),
                        tuple("APPROVED", "Accordé, convention à accepter", 1L),
                        tuple("REJECTED", "Rejeté", 1L),
                        tuple("GRANTED", "Subvention attribuée", 1L),
                        tuple("AGREEMENT_DECLINED", "Convention refusée", 0L),
                        tuple("AGREEMENT_EXPIRED", "Convention expirée", 0L),
                        tuple("WITHDRAWN", "Retiré", 0L));
        // Submitted: January D1, D2; February D3; March D4, D5; April D6 (31 March 22:30Z is
        // 1 April in Paris). Decided: January D7 (submitted before the period) and D1; May D2; June D3.
        assertThat(figures.perMonth())
                .containsExactly(
                        new MonthCount("2084-01", "janvier 2084", 2, 2),
                        new MonthCount("2084-02", "février 2084", 1, 0),
                        new MonthCount("2084-03", "mars 2084", 2, 0),
                        new MonthCount("2084-04", "avril 2084", 1, 0),
                        new MonthCount("2084-05", "mai 2084", 0, 1),
                        new MonthCount("2084-06", "juin 2084", 0, 1));
        // Stays that ended, per stage (a stay ends at the dossier's next stage):
        // SUBMITTED: D1-D6 leave it at once (eligibility at the submission): 0 × 6.
        // COMPLETENESS_CHECK: D2 1 and 2 (two stays), D1 3, D6 3, D3 4 → median 3;
        //   p90 at rank 0.9 × 4 = 3.6: 3 + 0.6 × (4 − 3) = 3.6. D5 is still there.
        // AWAITING_COMPLEMENTS: D2 4. UNDER_EVALUATION: 5, 7, 10 → median 7, p90 7 + 0.8 × 3 = 9.4.
        // AWAITING_DECISION: D1 9; D3 02-24 09:00 → 06-10 08:00 = 107 d − 1 h = 107 − 1/24;
        //   D2 02-03 09:00 → 05-20 08:30 = 107 d − 30 min = 107 − 1/48 → median 107 − 1/24,
        //   p90 107 − 1/24 + 0.8 × (1/48) = 106.975. APPROVED: D1 2 (D3 is still there).
        double d3Committee = 107 - 1 / 24.0;
        assertThat(figures.stageTimes())
                .extracting(StageTime::stage, StageTime::label, StageTime::count)
                .containsExactly(
                        tuple("SUBMITTED", "Déposé", 6L),
                        tuple("COMPLETENESS_CHECK", "Vérification de complétude", 5L),
                        tuple("AWAITING_COMPLEMENTS", "Compléments demandés", 1L),
                        tuple("UNDER_EVALUATION", "Évaluation technique", 3L),
                        tuple("AWAITING_DECISION", "Décision du comité", 3L),
                        tuple("APPROVED", "Accordé, convention à accepter", 1L));
        assertStage(figures, "SUBMITTED", 0, 0);
        assertStage(figures, "COMPLETENESS_CHECK", 3, 3.6);
        assertStage(figures, "AWAITING_COMPLEMENTS", 4, 4);
        assertStage(figures, "UNDER_EVALUATION", 7, 9.4);
        assertStage(figures, "AWAITING_DECISION", d3Committee, 106.975);
        assertStage(figures, "APPROVED", 2, 2);
        // End to end, decided D1, D2, D3: D1 17 d; D3 02-10 09:00 → 06-10 08:00 = 121 − 1/24;
        // D2 01-20 09:00 → 05-20 08:30 = 121 − 1/48 → median 121 − 1/24, p90 + 0.8 × 1/48 = 120.975.
        assertTime(figures.endToEnd(), 3, 121 - 1 / 24.0, 120.975);
        // Target: submission + 4 months in Paris. D3: 10 Feb 10:00 → 10 June 10:00 (summer time,
        // 08:00Z), decided at 08:00Z: within. D2: 20 Jan 10:00 → 20 May 10:00 = 08:00Z, decided at
        // 08:30Z: late, though within four months of UTC wall time.
        assertThat(figures.decidedWithinTarget()).isEqualTo(Share.of(3, 2));
        assertThat(figures.eligibility()).as("D4 is not").isEqualTo(Share.of(6, 5));
        assertThat(figures.approval()).as("D1, D3 of D1-D3").isEqualTo(Share.of(3, 2));
        // Requested 200 000 + 500 000 + 120 000 + 200 000 + 200 000 + 500 000; proposed (D1-D3)
        // 200 000 + 315 000 + 120 000; granted 150 000 + 100 000.
        assertThat(figures.amounts()).isEqualTo(new Figures.Amounts(1_720_000, 635_000, 250_000));
        assertThat(figures.byCategory())
                .containsExactly(
                        new AmountsBy("SMALL", "Petite entreprise", 3, 520_000, 320_000, 250_000),
                        new AmountsBy("MEDIUM", "Moyenne entreprise", 2, 1_000_000, 315_000, 0),
                        new AmountsBy("ETI", "Entreprise de taille intermédiaire", 0, 0, 0, 0),
                        new AmountsBy("LARGE", "Grande entreprise", 1, 200_000, 0, 0));
        // Every region of the submission form, in its order, idle ones at zero.
        assertThat(figures.byRegion())
                .containsExactlyElementsOf(regionsWith(
                        new AmountsBy(NORTH, NORTH, 4, 1_020_000, 320_000, 250_000),
                        new AmountsBy(SOUTH, SOUTH, 2, 700_000, 315_000, 0)));
    }

    @Test
    void rapidFiguresOfOneRegion() {
        RapidFigures figures = rapid(FROM, TO, null, SOUTH, null);

        assertThat(figures.dossiers()).as("D2, D5").isEqualTo(2);
        assertThat(counts(figures.byStage())).containsExactly(0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L);
        assertThat(figures.perMonth())
                .extracting(MonthCount::submitted, MonthCount::decided)
                .containsExactly(
                        tuple(1L, 0L), tuple(0L, 0L), tuple(1L, 0L), tuple(0L, 0L), tuple(0L, 1L), tuple(0L, 0L));
        // Completeness of D2 only: 2 and 1 → median 1.5, p90 1 + 0.9 × 1 = 1.9.
        assertStage(figures, "SUBMITTED", 0, 0);
        assertStage(figures, "COMPLETENESS_CHECK", 1.5, 1.9);
        assertStage(figures, "AWAITING_COMPLEMENTS", 4, 4);
        assertStage(figures, "UNDER_EVALUATION", 7, 7);
        assertStage(figures, "AWAITING_DECISION", 107 - 1 / 48.0, 107 - 1 / 48.0);
        assertThat(stage(figures, "APPROVED"))
                .isEqualTo(new StageTime("APPROVED", "Accordé, convention à accepter", 0, null, null));
        assertTime(figures.endToEnd(), 1, 121 - 1 / 48.0, 121 - 1 / 48.0);
        assertThat(figures.decidedWithinTarget()).isEqualTo(new Share(1, 0, 0.0));
        assertThat(figures.eligibility()).isEqualTo(Share.of(2, 2));
        assertThat(figures.approval()).isEqualTo(new Share(1, 0, 0.0));
        assertThat(figures.amounts()).isEqualTo(new Figures.Amounts(700_000, 315_000, 0));
        assertThat(figures.byCategory())
                .extracting(AmountsBy::key, AmountsBy::dossiers, AmountsBy::requestedEur, AmountsBy::proposedEur)
                .containsExactly(
                        tuple("SMALL", 1L, 200_000L, 0L),
                        tuple("MEDIUM", 1L, 500_000L, 315_000L),
                        tuple("ETI", 0L, 0L, 0L),
                        tuple("LARGE", 0L, 0L, 0L));
        assertThat(figures.byRegion())
                .containsExactlyElementsOf(regionsWith(new AmountsBy(SOUTH, SOUTH, 2, 700_000, 315_000, 0)));
    }

    @Test
    void rapidFiguresOfOneCategory() {
        RapidFigures figures = rapid(FROM, TO, null, null, "SMALL");

        assertThat(figures.dossiers()).as("D1, D3, D5").isEqualTo(3);
        // D7 (small) was decided in January: the monthly series counts it, the cohort does not.
        assertThat(figures.perMonth())
                .extracting(MonthCount::submitted, MonthCount::decided)
                .containsExactly(
                        tuple(1L, 2L), tuple(1L, 0L), tuple(1L, 0L), tuple(0L, 0L), tuple(0L, 0L), tuple(0L, 1L));
        // D1 17 d, D3 121 − 1/24 d → median (17 + 120.958333…) / 2, p90 17 + 0.9 × 103.958333… = 110.5625.
        assertTime(figures.endToEnd(), 2, (17 + 121 - 1 / 24.0) / 2, 110.5625);
        assertThat(figures.decidedWithinTarget()).isEqualTo(Share.of(2, 2));
        assertThat(figures.approval()).isEqualTo(Share.of(2, 2));
        assertThat(figures.amounts()).isEqualTo(new Figures.Amounts(520_000, 320_000, 250_000));
        assertThat(figures.byCategory())
                .extracting(AmountsBy::key, AmountsBy::dossiers)
                .containsExactly(tuple("SMALL", 3L), tuple("MEDIUM", 0L), tuple("ETI", 0L), tuple("LARGE", 0L));
        assertThat(figures.byRegion())
                .containsExactlyElementsOf(regionsWith(
                        new AmountsBy(NORTH, NORTH, 2, 320_000, 320_000, 250_000),
                        new AmountsBy(SOUTH, SOUTH, 1, 200_000, 0, 0)));
    }

    @Test
    void rapidFiguresOfOneStageAndOfAShorterPeriod() {
        RapidFigures underEvaluation = rapid(FROM, TO, "UNDER_EVALUATION", null, null);
        assertThat(underEvaluation.dossiers()).as("D6").isEqualTo(1);
        assertThat(counts(underEvaluation.byStage()))
                .containsExactly(0L, 0L, 0L, 0L, 0L, 1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L);
        assertThat(counts(underEvaluation.stageTimes().stream()
                        .map(time -> new KeyCount(time.stage(), time.label(), time.count()))
                        .toList()))
                .containsExactly(1L, 1L, 0L, 0L, 0L, 0L);
        assertStage(underEvaluation, "COMPLETENESS_CHECK", 3, 3);
        assertThat(underEvaluation.endToEnd()).isEqualTo(new TimeFigure(0, null, null));
        assertThat(underEvaluation.decidedWithinTarget()).isEqualTo(new Share(0, 0, null));
        assertThat(underEvaluation.approval()).isEqualTo(new Share(0, 0, null));
        assertThat(underEvaluation.byRegion())
                .containsExactlyElementsOf(regionsWith(new AmountsBy(NORTH, NORTH, 1, 500_000, 0, 0)));

        // Region and category together: the medium companies of the north: D6 alone.
        assertThat(rapid(FROM, TO, null, NORTH, "MEDIUM").dossiers()).isEqualTo(1);

        // February and March in Paris: D3, D4, D5; D6 (31 March 22:30Z) is 1 April in Paris.
        RapidFigures winter = rapid("2084-02-01", "2084-03-31", null, null, null);
        assertThat(winter.dossiers()).isEqualTo(3);
        assertThat(winter.perMonth())
                .containsExactly(
                        new MonthCount("2084-02", "février 2084", 1, 0), new MonthCount("2084-03", "mars 2084", 2, 0));
        // D3, submitted in February, was granted in June: its amount belongs to February's cohort.
        assertThat(winter.amounts()).isEqualTo(new Figures.Amounts(520_000, 120_000, 100_000));
    }

    @Test
    void mediationFiguresOfTheFirstHalfOf2084() {
        MediationFigures figures = mediation(FROM, TO);

        assertThat(figures.cases()).as("M1 to M6").isEqualTo(6);
        assertThat(figures.bySubject())
                .extracting(KeyCount::key, KeyCount::label, KeyCount::count)
                .containsExactly(
                        tuple("LATE_PAYMENT", "Retard de paiement", 2L),
                        tuple("CONTRACT_DISPUTE", "Litige contractuel", 1L),
                        tuple("UNILATERAL_TERMINATION", "Résiliation unilatérale", 1L),
                        tuple("IP_DISPUTE", "Propriété intellectuelle", 1L),
                        tuple("PROCUREMENT_ACCESS", "Accès à la commande publique", 0L),
                        tuple("RAPID_DECISION", "Contestation d'une décision RAPID", 0L),
                        tuple("OTHER", "Autre", 1L));
        assertThat(figures.byLevel())
                .containsExactly(
                        new KeyCount("1", "Niveau 1 : correspondant PME", 4),
                        new KeyCount("2", "Niveau 2 : médiateur du ministère", 1),
                        new KeyCount("3", "Niveau 3 : Médiateur des entreprises", 1));
        assertThat(figures.byOutcome())
                .extracting(KeyCount::key, KeyCount::label, KeyCount::count)
                .containsExactly(
                        tuple("AGREEMENT", "Accord trouvé", 2L),
                        tuple("FAILURE", "Échec de la médiation", 0L),
                        tuple("WITHDRAWN", "Demande retirée", 0L),
                        tuple("NOT_ADMISSIBLE", "Demande non recevable", 1L),
                        tuple("ESCALATED_EXTERNAL", "Transmis au Médiateur des entreprises", 1L),
                        tuple("IN_PROGRESS", "En cours", 2L));
        // Answered: M1, M3 (its last day, in Paris), M4, M6 in time; M2 a day late; M5 never and
        // past due: 4 of 6.
        assertThat(figures.answeredWithinCommitment()).isEqualTo(Share.of(6, 4));
        // First contact: M1, M4 (on its last day) in time; M2 late; M5 never and past due; M3 not
        // admissible (never to be contacted); M6 not due yet: 2 of 4.
        assertThat(figures.firstContactWithinCommitment()).isEqualTo(Share.of(4, 2));
        // Level 1: M3 21.5 d, M1 30 d → median 25.75, p90 21.5 + 0.9 × 8.5 = 29.15. Level 2: M2
        // 20 d. Level 3: M4, closed as it got there: 0 d.
        assertThat(figures.resolutionByLevel())
                .extracting(LevelTime::level, LevelTime::label, LevelTime::count)
                .containsExactly(
                        tuple(1, "Niveau 1 : correspondant PME", 2L),
                        tuple(2, "Niveau 2 : médiateur du ministère", 1L),
                        tuple(3, "Niveau 3 : Médiateur des entreprises", 1L));
        assertLevel(figures, 1, 25.75, 29.15);
        assertLevel(figures, 2, 20, 20);
        assertLevel(figures, 3, 0, 0);
        assertThat(figures.handedOffToNationalMediator()).as("M4").isEqualTo(1);
        // Ratings 5, 3, 1: mean 3.
        assertThat(figures.satisfaction().answers()).isEqualTo(3);
        assertThat(figures.satisfaction().average()).isCloseTo(3.0, EXACT);
        assertThat(figures.satisfaction().byRating())
                .containsExactly(
                        new KeyCount("1", "1 sur 5", 1),
                        new KeyCount("2", "2 sur 5", 0),
                        new KeyCount("3", "3 sur 5", 1),
                        new KeyCount("4", "4 sur 5", 0),
                        new KeyCount("5", "5 sur 5", 1));
        assertThat(figures.lateInterest().cases()).isEqualTo(2);
        assertThat(figures.lateInterest().totalEur()).isEqualTo(new BigDecimal("257.41"));
    }

    @Test
    void mediationFiguresOfTheFirstQuarterIgnoreTheDossiersCriteria() {
        // January to March: M1 to M4. Stage, region and category concern dossiers: no effect here.
        MediationFigures figures = mediation("2084-01-01", "2084-03-31", "REJECTED", SOUTH, "ETI");

        assertThat(figures.cases()).isEqualTo(4);
        assertThat(counts(figures.byOutcome())).containsExactly(2L, 0L, 0L, 1L, 1L, 0L);
        assertThat(figures.answeredWithinCommitment()).as("M2 late").isEqualTo(Share.of(4, 3));
        assertThat(figures.firstContactWithinCommitment())
                .as("M1, M4 of M1, M2, M4")
                .isEqualTo(Share.of(3, 2));
        assertThat(figures.lateInterest().totalEur()).isEqualTo(new BigDecimal("257.41"));

        // Nothing filed in 2085: zero counts, no share, no time.
        MediationFigures empty = mediation("2085-01-01", "2085-01-31");
        assertThat(empty.cases()).isZero();
        assertThat(empty.answeredWithinCommitment()).isEqualTo(new Share(0, 0, null));
        assertThat(empty.resolutionByLevel())
                .containsExactly(
                        new LevelTime(1, "Niveau 1 : correspondant PME", 0, null, null),
                        new LevelTime(2, "Niveau 2 : médiateur du ministère", 0, null, null),
                        new LevelTime(3, "Niveau 3 : Médiateur des entreprises", 0, null, null));
        assertThat(empty.satisfaction().answers()).isZero();
        assertThat(empty.satisfaction().average()).isNull();
        assertThat(counts(empty.satisfaction().byRating())).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(empty.lateInterest()).isEqualTo(new Figures.LateInterest(0, new BigDecimal("0.00")));
    }

    @Test
    void filterOptionsListEveryStageTheRegionsAndTheCategories() {
        Figures.FilterOptions options = api.options().getBody();

        assertThat(options.stages()).extracting(KeyCount::key).hasSize(13).startsWith("SUBMITTED");
        assertThat(options.regions()).as("the form's, in its order").containsExactlyElementsOf(formRegions());
        assertThat(options.categories())
                .extracting(KeyCount::key, KeyCount::label)
                .containsExactly(
                        tuple("SMALL", "Petite entreprise"),
                        tuple("MEDIUM", "Moyenne entreprise"),
                        tuple("ETI", "Entreprise de taille intermédiaire"),
                        tuple("LARGE", "Grande entreprise"));
    }

    /**
     * Three staff tasks created in March 1986 and looked at on 1 May 1986 12:00Z:
     *
     * <pre>
     * W1 RAPID, submitted 03-03 09:00: completeness check (secretariat), no due date      age 59.125 d
     * W2 RAPID, submitted 03-04 09:00, complete at once: evaluation (experts), due 21 days
     *    later, 03-25 09:00                                                                  age 58.125 d
     * W3 mediation, filed Wed 03-05 09:00: qualification (correspondents), due at the end of
     *    the 15th working day, Wed 03-26 (23:59:59 in Paris = 22:59:59Z)                     age 57.125 d
     * </pre>
     */
    @Test
    void workFiguresShowTheOpenTasksPerGroupTheOldestAndTheOverdue() {
        Instant lookedAt = Instant.parse("1986-05-01T12:00:00Z");
        at(lookedAt.toString());
        WorkFigures before = api.work().getBody();
        List<ProcessInstance> created = List.of(
                submit("1986-03-03T09:00:00Z", small(NORTH, 200_000)),
                process.atTechnicalEvaluation(at("1986-03-04T09:00:00Z", small(NORTH, 200_000))),
                file("1986-03-05T09:00:00Z", SampleMediations.contractDispute()));
        try {
            at(lookedAt.toString());
            WorkFigures after = api.work().getBody();

            Task w1 = process.task(created.get(0), "CheckCompleteness");
            Task w2 = process.task(created.get(1), "TechnicalEvaluation");
            Task w3 = process.task(created.get(2), "QualifyRequest");
            assertThat(after.openTasks()).isEqualTo(before.openTasks() + 3);
            assertThat(after.overdueTasks()).as("W2, W3").isEqualTo(before.overdueTasks() + 2);
            assertThat(after.groups())
                    .extracting(GroupWork::groupId, GroupWork::groupName)
                    .startsWith(
                            tuple("rapid-secretariat", "Secrétariat RAPID (AID)"),
                            tuple("dga-experts", "Experts techniques DGA"),
                            tuple("rapid-committee", "Comité de pilotage RAPID"),
                            tuple("sme-correspondents", "Correspondants PME"),
                            tuple("ministry-mediators", "Médiateurs du ministère"));
            assertGroup(before, after, "rapid-secretariat", 1, 0);
            assertGroup(before, after, "dga-experts", 1, 1);
            assertGroup(before, after, "rapid-committee", 0, 0);
            assertGroup(before, after, "sme-correspondents", 1, 1);
            assertGroup(before, after, "ministry-mediators", 0, 0);

            TaskLink oldestCheck = link(w1, null, 59.125, "/staff/dossiers/");
            TaskLink evaluation = link(w2, OffsetDateTime.parse("1986-03-25T09:00:00Z"), 58.125, "/staff/dossiers/");
            TaskLink qualification =
                    link(w3, OffsetDateTime.parse("1986-03-26T22:59:59Z"), 57.125, "/staff/mediations/");
            assertThat(group(after, "rapid-secretariat").oldest()).isEqualTo(oldestCheck);
            assertThat(group(after, "dga-experts").oldest()).isEqualTo(evaluation);
            assertThat(group(after, "sme-correspondents").oldest()).isEqualTo(qualification);
            // Oldest due first: due decades before any other test's task.
            assertThat(after.overdue()).startsWith(evaluation, qualification);
            assertThat(after.overdue())
                    .hasSize(Math.min(
                            WorkDashboard.OVERDUE_LISTED, before.overdue().size() + 2));
        } finally {
            created.forEach(instance -> engine.getRuntimeService()
                    .deleteProcessInstance(instance.getId(), "DashboardFiguresTest: 1986 tasks removed"));
        }
    }

    // --- the history's steps

    private Map<String, Object> at(String instant, Map<String, Object> values) {
        at(instant);
        return values;
    }

    private void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    private ProcessInstance submit(String instant, Map<String, Object> dossier) {
        at(instant);
        return process.submitted(dossier);
    }

    private ProcessInstance file(String instant, Map<String, Object> request) {
        at(instant);
        return process.filed(request);
    }

    private void step(String instant, ProcessInstance instance, String task, String user, Map<String, Object> values) {
        at(instant);
        process.complete(instance, task, user, values);
    }

    private static Map<String, Object> small(String region, long requested) {
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put("companyRegion", region);
        dossier.put("requestedAidEur", requested);
        return dossier;
    }

    private static Map<String, Object> medium(String region, long requested) {
        Map<String, Object> dossier = SampleDossiers.mediumCompany();
        dossier.put("companyRegion", region);
        dossier.put("requestedAidEur", requested);
        return dossier;
    }

    private static Map<String, Object> subject(String subject) {
        Map<String, Object> request = SampleMediations.contractDispute();
        request.put("subject", subject);
        return request;
    }

    // --- reading the figures, as GET /dashboard/api/... does, on 2 July 2084

    private RapidFigures rapid(String from, String to, String stage, String region, String category) {
        ClockUtil.setCurrentTime(Date.from(NOW));
        return api.rapid(from, to, stage, region, category).getBody();
    }

    private MediationFigures mediation(String from, String to) {
        return mediation(from, to, null, null, null);
    }

    private MediationFigures mediation(String from, String to, String stage, String region, String category) {
        ClockUtil.setCurrentTime(Date.from(NOW));
        return api.mediation(from, to, stage, region, category).getBody();
    }

    private List<String> formRegions() {
        List<String> regions =
                forms.get("submit-dossier").field("companyRegion").orElseThrow().allowedValues();
        assertThat(regions).hasSize(18).startsWith("Auvergne-Rhône-Alpes");
        return regions;
    }

    /** The form's regions in its order, these with their figures, the others at zero. */
    private List<AmountsBy> regionsWith(AmountsBy... found) {
        return formRegions().stream()
                .map(region -> Arrays.stream(found)
                        .filter(amounts -> amounts.key().equals(region))
                        .findFirst()
                        .orElse(new AmountsBy(region, region, 0, 0, 0, 0)))
                .toList();
    }

    private static List<Long> counts(List<KeyCount> counts) {
        return counts.stream().map(KeyCount::count).toList();
    }

    private static StageTime stage(RapidFigures figures, String stage) {
        return figures.stageTimes().stream()
                .filter(time -> time.stage().equals(stage))
                .findFirst()
                .orElseThrow();
    }

    private static void assertStage(RapidFigures figures, String stage, double median, double p90) {
        StageTime time = stage(figures, stage);
        assertThat(time.medianDays()).as(stage + " median").isCloseTo(median, EXACT);
        assertThat(time.p90Days()).as(stage + " p90").isCloseTo(p90, EXACT);
    }

    private static void assertTime(TimeFigure time, long count, double median, double p90) {
        assertThat(time.count()).isEqualTo(count);
        assertThat(time.medianDays()).as("median").isCloseTo(median, EXACT);
        assertThat(time.p90Days()).as("p90").isCloseTo(p90, EXACT);
    }

    private static void assertLevel(MediationFigures figures, int level, double median, double p90) {
        LevelTime time = figures.resolutionByLevel().get(level - 1);
        assertThat(time.medianDays()).as("level " + level + " median").isCloseTo(median, EXACT);
        assertThat(time.p90Days()).as("level " + level + " p90").isCloseTo(p90, EXACT);
    }

    private static GroupWork group(WorkFigures figures, String groupId) {
        return figures.groups().stream()
                .filter(group -> group.groupId().equals(groupId))
                .findFirst()
                .orElseThrow();
    }

    private static void assertGroup(WorkFigures before, WorkFigures after, String groupId, long added, long overdue) {
        assertThat(group(after, groupId).open())
                .as(groupId)
                .isEqualTo(group(before, groupId).open() + added);
        assertThat(group(after, groupId).overdue())
                .as(groupId)
                .isEqualTo(group(before, groupId).overdue() + overdue);
    }

    private TaskLink link(Task task, OffsetDateTime due, double ageDays, String files) {
        String reference = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId())
                .singleResult()
                .getBusinessKey();
        assertThat(reference).matches("(RAPID|MED)-1986-\\d{5}");
        return new TaskLink(
                task.getId(),
                task.getName(),
                reference,
                OffsetDateTime.ofInstant(task.getCreateTime().toInstant(), java.time.ZoneOffset.UTC),
                due,
                ageDays,
                "/camunda/app/tasklist/default/#/?task=" + task.getId(),
                files + reference);
    }
}
