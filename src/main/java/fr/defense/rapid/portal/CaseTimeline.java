package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.dateTime;

import fr.defense.rapid.notification.SentMails.SentMail;
import fr.defense.rapid.procedure.TimelineEntry;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A case's history as its applicant reads it: each step and each mail sent to the applicant, dated, newest first. */
final class CaseTimeline {

    record Item(String date, String text, boolean mail, OffsetDateTime at) {}

    private CaseTimeline() {}

    static List<Item> of(List<TimelineEntry> steps, List<SentMail> mails, String applicantEmail) {
        List<Item> items = new ArrayList<>();
        steps.forEach(
                step -> items.add(new Item(dateTime(step.occurredAt()), step.description(), false, step.occurredAt())));
        mails.stream().filter(mail -> sentTo(mail, applicantEmail)).forEach(mail -> {
            OffsetDateTime at = mail.sentAt() == null ? mail.createdAt() : mail.sentAt();
            String text =
                    "Courriel « " + mail.subject() + " »" + (mail.sentAt() == null ? " (en cours d'envoi)" : " envoyé");
            items.add(new Item(dateTime(at), text, true, at));
        });
        items.sort(Comparator.comparing(Item::at).reversed());
        return items;
    }

    /** Mails to staff (alerts, the managers' notices) are not the applicant's. */
    private static boolean sentTo(SentMail mail, String applicantEmail) {
        return applicantEmail != null
                && mail.recipients() != null
                && mail.recipients().toLowerCase(Locale.ROOT).contains(applicantEmail.toLowerCase(Locale.ROOT));
    }
}
