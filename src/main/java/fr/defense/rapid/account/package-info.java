/**
 * Accounts for real use (issue 15): the account audit log, with the events of our own account pages,
 * of every login (Spring Security's events, the webapps' login) and of the identity changes made in
 * Camunda Admin (the engine's user operation log), which administrators read and export; and the SME
 * accounts' own pages: self-registration with e-mail confirmation, and the forgotten password.
 */
package fr.defense.rapid.account;
