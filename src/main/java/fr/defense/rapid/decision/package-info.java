/** Funding proposal and committee decision of a RAPID dossier: proposed amount, decision record, agreement. */
package fr.defense.rapid.decision;
