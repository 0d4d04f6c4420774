/** Authentication of the engine REST API. */
package fr.defense.rapid.security;
