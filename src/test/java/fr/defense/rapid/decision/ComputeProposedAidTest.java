package fr.defense.rapid.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Proposed aid = min(requested, rate × total cost), rounded down to the euro. */
class ComputeProposedAidTest {

    @Test
    void proposalIsTheRequestWhenTheRateAllowsMore() {
        assertThat(ComputeProposedAid.proposedAid(new BigDecimal("0.80"), 400_000, 200_000))
                .isEqualTo(200_000);
    }

    @Test
    void proposalIsCappedByTheRateTimesTheCost() {
        assertThat(ComputeProposedAid.proposedAid(new BigDecimal("0.35"), 900_000, 500_000))
                .isEqualTo(315_000);
    }

    @Test
    void proposalIsRoundedDownToTheEuro() {
        // 0.45 × 333 333 = 149 999.85
        assertThat(ComputeProposedAid.proposedAid(new BigDecimal("0.45"), 333_333, 1_000_000))
                .isEqualTo(149_999);
    }
}
