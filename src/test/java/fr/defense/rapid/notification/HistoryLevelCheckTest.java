package fr.defense.rapid.notification;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;

/** Exactly-once mail counts a step's occurrences from the history: too little history stops the start. */
class HistoryLevelCheckTest {

    @Test
    void startsWithActivityHistoryOrMoreAndRefusesLess() {
        assertThatCode(() -> HistoryLevelCheck.require(HistoryLevel.HISTORY_LEVEL_FULL))
                .doesNotThrowAnyException();
        assertThatCode(() -> HistoryLevelCheck.require(HistoryLevel.HISTORY_LEVEL_ACTIVITY))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> HistoryLevelCheck.require(HistoryLevel.HISTORY_LEVEL_NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exactly-once");
    }
}
