/** Cross-cutting plumbing: engine configuration and demo data. */
package fr.defense.rapid.system;
