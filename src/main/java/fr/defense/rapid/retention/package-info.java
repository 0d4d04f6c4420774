/**
 * How long a finished case is kept (issue 14): the retention period ({@code rapid.retention.period}, 10
 * years by default) applied to the engine's history (each definition's history time to live, the
 * engine's nightly history cleanup) and to our own tables (a nightly purge of the files of dossiers and
 * mediation cases finished longer ago than the period). Open cases are never purged.
 */
package fr.defense.rapid.retention;
