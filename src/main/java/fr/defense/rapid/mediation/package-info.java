/** SME mediation (correspondant PME): the rules of the procedure, ahead of its process (issue 5). */
package fr.defense.rapid.mediation;
