/** Camunda Forms on the server: the catalog of forms/*.form and their validation at every start and task completion. */
package fr.defense.rapid.form;
