/** Technical evaluation of a dossier by DGA experts: the evaluation form rules. */
package fr.defense.rapid.evaluation;
