package fr.defense.rapid.seed;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the {@code seed} profile creates ({@code rapid.seed.*}).
 *
 * @param dossiers   finished RAPID dossiers, submitted over {@code years} up to {@code until}
 * @param cases      finished mediation cases (contests of RAPID rejections included)
 * @param openTasks  open staff tasks (candidate groups): dossiers and cases waiting now, started by the engine
 * @param years      how far back the history goes
 * @param until      the last day of the history (Paris); empty: today. A far-future day keeps test data apart.
 * @param force      seed even if the database already holds dossiers
 * @param randomSeed the same seed gives the same data
 */
@ConfigurationProperties("rapid.seed")
public record SeedSettings(
        @DefaultValue("100000") int dossiers,
        @DefaultValue("20000") int cases,
        @DefaultValue("10000") int openTasks,
        @DefaultValue("3") int years,
        LocalDate until,
        @DefaultValue("false") boolean force,
        @DefaultValue("13") long randomSeed) {}
