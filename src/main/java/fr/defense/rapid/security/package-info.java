/**
 * Who may do what: HTTP security of the SME API and the webapps, the engine's authorizations, the
 * allow-list of engine writes, login throttling and password rules.
 */
package fr.defense.rapid.security;
