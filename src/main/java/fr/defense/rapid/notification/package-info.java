/**
 * Mails of the procedures, sent exactly once by an asynchronous step: templates, recipients, the
 * {@code notification} record, and the timeline entry of each mail sent (through the procedure module).
 */
package fr.defense.rapid.notification;
