/**
 * What the two procedures share, written once: case references and their yearly numbering,
 * idempotent submission, the timeline of a case, and the SME API's paging, ownership (404 for
 * anybody else's case) and answers.
 */
package fr.defense.rapid.procedure;
