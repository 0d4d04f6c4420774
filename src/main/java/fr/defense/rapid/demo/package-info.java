/** The demo profile's users and cases (and the sample values the tests reuse). */
package fr.defense.rapid.demo;
