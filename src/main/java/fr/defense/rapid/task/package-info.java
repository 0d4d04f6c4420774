/** The SME's own tasks (complements, agreement…): list, form and completion through the SME API. */
package fr.defense.rapid.task;
