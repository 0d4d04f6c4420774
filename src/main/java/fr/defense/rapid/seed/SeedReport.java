package fr.defense.rapid.seed;

import java.time.Duration;

/** What a seeding wrote, and how long each part took. */
public record SeedReport(
        int dossiers,
        int cases,
        int openDossiers,
        int openCases,
        long staffTasks,
        long caseTableRows,
        long historyRows,
        Duration historyTime,
        Duration engineTime) {

    @Override
    public String toString() {
        return ("%d finished dossiers and %d finished cases (%d rows in our tables, %d in ACT_HI_*) in %d s; "
                        + "%d open dossiers and %d open cases started by the engine (%d open staff tasks) in %d s")
                .formatted(
                        dossiers,
                        cases,
                        caseTableRows,
                        historyRows,
                        historyTime.toSeconds(),
                        openDossiers,
                        openCases,
                        staffTasks,
                        engineTime.toSeconds());
    }
}
