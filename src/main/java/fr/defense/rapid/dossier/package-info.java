/**
 * The RAPID procedure ({@code rapid-subsidy}): the SME's dossiers (submit, list, read, withdraw),
 * their record and status, and the delegates of the process's stages.
 */
package fr.defense.rapid.dossier;
