/** Notifications of the procedures (mail sending comes with its own issue). */
package fr.defense.rapid.notification;
