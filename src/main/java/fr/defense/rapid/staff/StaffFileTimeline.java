package fr.defense.rapid.staff;

import static fr.defense.rapid.system.FrenchFormat.dateTime;

import fr.defense.rapid.notification.SentMails.SentMail;
import fr.defense.rapid.procedure.TimelineEntry;
import fr.defense.rapid.staff.StaffFile.Line;
import fr.defense.rapid.staff.StaffFile.Mail;
import java.util.List;

/** A case's timeline and mails, dated the French way. */
final class StaffFileTimeline {

    private StaffFileTimeline() {}

    static List<Line> lines(List<TimelineEntry> entries) {
        return entries.stream()
                .map(entry -> new Line(dateTime(entry.occurredAt()), entry.description()))
                .toList();
    }

    static List<Mail> mails(List<SentMail> mails) {
        return mails.stream()
                .map(mail -> new Mail(
                        dateTime(mail.sentAt() == null ? mail.createdAt() : mail.sentAt()),
                        mail.subject(),
                        mail.recipients(),
                        mail.status()))
                .toList();
    }
}
