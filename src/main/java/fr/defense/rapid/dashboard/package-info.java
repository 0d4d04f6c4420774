/**
 * The managers' dashboard ({@code /dashboard}): the RAPID procedure, the staff's work and the mediation
 * service's commitments at a glance, with a live bottleneck map on each process diagram, exports for
 * statistical studies and a weekly summary mail. Every figure is computed when asked, from our tables
 * ({@code dossier}, {@code case_event}, {@code mediation_case}) and the engine's history
 * ({@code ACT_HI_*}) and runtime; no counter is kept on the side. Managers and administrators only.
 */
package fr.defense.rapid.dashboard;
