/**
 * Shared plumbing every module may use, depending on none: the engine clock, French formats, the
 * API's problem details (400/404/409/413/500 in French) and its exceptions, request bounds.
 */
package fr.defense.rapid.system;
