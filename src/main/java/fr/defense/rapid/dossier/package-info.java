/** The RAPID dossier: registration, numbering, status and timeline, and the stage delegates of rapid-subsidy. */
package fr.defense.rapid.dossier;
