/**
 * What staff see of a case: its file as one read-only page ({@code /staff/dossiers/…},
 * {@code /staff/mediations/…}) and, prepared the same way, the values each Tasklist form shows
 * (see form.FormDisplayValues). The one place that turns a dossier or a mediation case into French
 * display values.
 */
package fr.defense.rapid.staff;
