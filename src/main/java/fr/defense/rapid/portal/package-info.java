/**
 * The SME portal: the pages an SME uses in a browser (login, home, dossier and mediation pages,
 * the start forms rendered with form-js). Pages read through the other modules' public APIs; every
 * write goes through the SME API ({@code /api}) from the page's script, with the same session.
 */
package fr.defense.rapid.portal;
