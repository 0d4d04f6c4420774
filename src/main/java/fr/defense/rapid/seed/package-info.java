/**
 * Test and demo data at scale (issue 13, « Scale »): years of RAPID dossiers and mediation cases with
 * their timelines and the engine's history, and thousands of open staff tasks started by the engine
 * itself, so that the dashboard's figures and its latency can be judged on realistic volumes. Run by
 * the {@code seed} profile (see docs/performance.md); never part of a production start.
 */
package fr.defense.rapid.seed;
