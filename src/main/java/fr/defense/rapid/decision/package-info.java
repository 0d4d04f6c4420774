/** Funding proposal and committee decision: proposed amount, decision record, agreement. */
package fr.defense.rapid.decision;
