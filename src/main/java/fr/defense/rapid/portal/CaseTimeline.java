package fr.defense.rapid.portal;

import static fr.defense.rapid.system.FrenchFormat.dateTime;

import fr.defense.rapid.procedure.TimelineEntry;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A case's history as its applicant reads it, newest first: each step and each mail sent to the
 * applicant (the notification module records every mail in the case's timeline), dated.
 */
final class CaseTimeline {

    record Item(String date, String text, boolean mail) {}

    private static final String MAIL = "Courriel « ";

    private CaseTimeline() {}

    static List<Item> of(List<TimelineEntry> entries, String applicantEmail) {
        return entries.stream()
                .filter(entry -> !entry.description().startsWith(MAIL) || sentTo(entry.description(), applicantEmail))
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed())
                .map(entry -> new Item(
                        dateTime(entry.occurredAt()),
                        entry.description(),
                        entry.description().startsWith(MAIL)))
                .toList();
    }

    /** Mails to staff (alerts, the managers' notices) are not the applicant's. */
    private static boolean sentTo(String mail, String applicantEmail) {
        return applicantEmail != null
                && mail.toLowerCase(Locale.ROOT).contains(applicantEmail.toLowerCase(Locale.ROOT));
    }
}
