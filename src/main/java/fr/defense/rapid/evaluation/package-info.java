/** Technical evaluation of a dossier by DGA experts: the evaluation form's rules. */
package fr.defense.rapid.evaluation;
