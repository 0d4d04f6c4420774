/**
 * The files of a RAPID dossier (project description, tax return packages, financial annex): checked
 * by their content, stored with their SHA-256 in our database, served as downloads to their owner
 * and to the staff; and the SME's dossier draft, saved as it goes until it is submitted.
 */
package fr.defense.rapid.attachment;
