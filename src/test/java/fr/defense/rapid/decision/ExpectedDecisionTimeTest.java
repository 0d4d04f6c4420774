package fr.defense.rapid.decision;

import static org.assertj.core.api.Assertions.assertThat;

import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.ProcessTest;
import fr.defense.rapid.support.RapidProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * « Honest expected time » (issue 12): the median time from submission to the committee's decision
 * over the last 12 months, or the procedure's target while fewer than 5 dossiers were decided. The
 * dossiers are decided years ahead on the engine clock, where no other test decides any.
 */
@ProcessTest
class ExpectedDecisionTimeTest {

    private static final Instant NOW = Instant.parse("2071-09-01T08:00:00Z");

    @Autowired
    ProcessEngine engine;

    @Autowired
    ExpectedDecisionTime expectedTime;

    @Autowired
    Attachments attachments;

    RapidProcess rapid;

    @BeforeEach
    void setUp() {
        rapid = new RapidProcess(engine, attachments);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void withNoDecisionInTheLastTwelveMonthsTheTargetIsGiven() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2061-06-01T08:00:00Z")));

        DecisionTimeEstimate estimate = expectedTime.current();

        assertThat(estimate.fromHistory()).isFalse();
        assertThat(estimate.sampleSize()).isZero();
        assertThat(estimate.weeks()).isEqualTo(17);
        assertThat(estimate.sentence())
                .isEqualTo("En général, une décision est rendue en 17 semaines environ : c'est le délai visé par le"
                        + " dispositif RAPID. Trop peu de dossiers ont été décidés depuis douze mois pour donner un"
                        + " délai constaté.");
    }

    @Test
    void withEnoughDecisionsTheMedianOfTheLastTwelveMonthsIsGivenInWeeks() {
        // Decided 14 months before now: outside the window, whatever its length.
        decided(Instant.parse("2070-01-05T09:00:00Z"), 30);
        decided(Instant.parse("2071-01-05T09:00:00Z"), 6);
        decided(Instant.parse("2071-02-02T09:00:00Z"), 20);
        decided(Instant.parse("2071-03-02T09:00:00Z"), 8);
        decided(Instant.parse("2071-04-06T09:00:00Z"), 12);

        DecisionTimeEstimate fewDecisions = estimateAt(NOW);
        assertThat(fewDecisions.fromHistory()).as("4 decisions, fewer than 5").isFalse();
        assertThat(fewDecisions.sampleSize()).isEqualTo(4);
        assertThat(fewDecisions.weeks()).isEqualTo(17);

        decided(Instant.parse("2071-05-04T09:00:00Z"), 9);

        DecisionTimeEstimate median = estimateAt(NOW);
        assertThat(median.fromHistory()).isTrue();
        assertThat(median.sampleSize()).isEqualTo(5);
        assertThat(median.weeks()).as("6, 8, 9, 12, 20 weeks").isEqualTo(9);
        assertThat(median.sentence())
                .isEqualTo("En général, une décision est rendue en 9 semaines : c'est le délai médian entre le dépôt"
                        + " du dossier et la décision du comité de pilotage, constaté sur les 5 dossiers décidés"
                        + " depuis douze mois.");

        decided(Instant.parse("2071-05-11T09:00:00Z"), 10);

        DecisionTimeEstimate even = estimateAt(NOW);
        assertThat(even.sampleSize()).isEqualTo(6);
        assertThat(even.weeks())
                .as("between 9 and 10 weeks: 9.5, to the nearest week")
                .isEqualTo(10);

        // A year later, these decisions are out of the window: the target again.
        DecisionTimeEstimate later = estimateAt(NOW.plus(Duration.ofDays(365)));
        assertThat(later.fromHistory()).isFalse();
        assertThat(later.sampleSize()).isZero();
    }

    /** A dossier submitted at that moment and decided by the committee that many weeks later. */
    private void decided(Instant submitted, int weeks) {
        ClockUtil.setCurrentTime(Date.from(submitted));
        ProcessInstance instance = rapid.atCommitteeDecision(SampleDossiers.smallCompany());
        ClockUtil.setCurrentTime(Date.from(submitted.plus(Duration.ofDays(7L * weeks))));
        rapid.complete(instance, "CommitteeDecision", "committee", SampleDossiers.rejection());
    }

    private DecisionTimeEstimate estimateAt(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        return expectedTime.current();
    }
}
