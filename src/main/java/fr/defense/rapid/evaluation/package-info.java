/**
 * Technical evaluation of a dossier by DGA experts: the evaluation form's rules, and each completed
 * evaluation kept in our tables (Evaluations) for the committee and the staff file.
 */
package fr.defense.rapid.evaluation;
