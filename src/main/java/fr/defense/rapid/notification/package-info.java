/**
 * Mails of the procedures, sent once by an asynchronous step (a repeat after a crash under the same
 * Message-ID, and said): templates, recipients, the {@code notification} record, and the timeline
 * entry of each mail sent (through the procedure module).
 */
package fr.defense.rapid.notification;
