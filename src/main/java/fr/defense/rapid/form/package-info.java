/**
 * Camunda Forms on the server: the catalog of {@code forms/*.form}, their rules applied at every
 * process start and task completion (an engine plugin), and no change outside a form.
 */
package fr.defense.rapid.form;
