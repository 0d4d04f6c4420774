/**
 * The SME mediation procedure ({@code mediation-escalation}): requests, cases and their levels,
 * deadlines in working days, late-payment interest, case files (PDF) and the procedure's mails.
 */
package fr.defense.rapid.mediation;
