package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.WeeklySummaryFacts.Facts;
import fr.defense.rapid.dashboard.WeeklySummaryStore.Status;
import fr.defense.rapid.notification.Mailer;
import fr.defense.rapid.notification.NotificationSettings;
import fr.defense.rapid.notification.StaffAddresses;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The managers' weekly summary: overdue tasks and the commitments missed in a week, one mail to
 * every member of {@code managers} with an address (StaffAddresses, as the notifications' mails to
 * managers), rendered from {@code templates/mail/WEEKLY_SUMMARY.html} and {@code .txt}.
 *
 * <p>Never twice, never lost, as the notifications: the week's row is inserted once and claimed by
 * one node (WeeklySummaryStore), marked SENT in its own transaction once the SMTP server accepted
 * the mail; a failed attempt leaves it PENDING for the next retry, on any node. As with the
 * notifications, a node that dies between the server's acceptance and that mark may let the
 * summary go twice, never zero times.
 */
@Component
class WeeklySummary {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummary.class);
    private static final String TEMPLATE = "WEEKLY_SUMMARY";

    /** What a call did with the week's summary. */
    enum Outcome {
        SENT,
        /** Kept in the table only: no SMTP server configured, or no manager with an address. */
        RECORDED,
        /** Already sent, or being sent by another node: nothing done. */
        ALREADY_CLAIMED,
        /** Refused by the SMTP server (or failed to build): left to the retries. */
        FAILED
    }

    private final WeeklySummaryFacts facts;
    private final WeeklySummaryStore store;
    private final WeeklySummarySettings settings;
    private final StaffAddresses staff;
    private final NotificationSettings mail;
    private final Mailer mailer;
    private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
    private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

    WeeklySummary(
            WeeklySummaryFacts facts,
            WeeklySummaryStore store,
            WeeklySummarySettings settings,
            StaffAddresses staff,
            NotificationSettings mail,
            Mailer mailer) {
        this.facts = facts;
        this.store = store;
        this.settings = settings;
        this.staff = staff;
        this.mail = mail;
        this.mailer = mailer;
    }

    /** The Monday of the week before the engine's today: the week a Monday-morning summary is about. */
    static LocalDate lastWeek() {
        return EngineClock.today()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
    }

    /** Sends the summary of the week starting on {@code monday}, unless it was already (or is being) sent. */
    Outcome send(LocalDate monday) {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A week starts on a Monday, not on " + monday);
        }
        store.createIfAbsent(monday);
        if (!store.claim(monday, settings.lease())) {
            log.info("Weekly summary of {}: already sent or being sent, nothing to do", monday);
            return Outcome.ALREADY_CLAIMED;
        }
        return deliver(monday);
    }

    /** Tries again the summaries still to send (the SMTP server was down, a node died while sending). */
    void retryPending() {
        for (LocalDate monday : store.pending()) {
            if (store.claim(monday, settings.lease())) {
                deliver(monday);
            }
        }
    }

    private Outcome deliver(LocalDate monday) {
        List<String> to;
        String subject;
        String[] body;
        try {
            Facts week = facts.of(monday, mail.getPortalUrl());
            to = staff.of(List.of(Groups.MANAGERS));
            subject = "[Tableau de bord] Synthèse de la semaine du " + FrenchFormat.longDate(week.monday()) + " au "
                    + FrenchFormat.longDate(week.sunday());
            Context context = new Context(Locale.FRANCE, model(week));
            body = new String[] {text.process(TEMPLATE, context), html.process(TEMPLATE, context)};
            // As the notifications: without spring.mail.host (the embedded default), only recorded.
            if (!mailer.configured() || to.isEmpty()) {
                String why = !mailer.configured() ? "aucun serveur SMTP configuré" : "aucun gestionnaire n'a d'adresse";
                store.delivered(monday, Status.RECORDED, String.join(", ", to), subject, body[0], why);
                log.info("Weekly summary of {} recorded, not sent: {}", monday, why);
                return Outcome.RECORDED;
            }
            // One Message-ID for the week's summary: a retry after a lost answer is recognised as a repeat.
            mailer.send("weekly-summary:" + monday, to, subject, body[0], body[1]);
        } catch (RuntimeException refused) {
            store.failed(monday, refused.getMessage());
            log.warn("Weekly summary of {} not sent, to be retried: {}", monday, refused.toString());
            return Outcome.FAILED;
        }
        store.delivered(monday, Status.SENT, String.join(", ", to), subject, body[0], null);
        log.info("Weekly summary of {} sent to {}", monday, to);
        return Outcome.SENT;
    }

    private Map<String, Object> model(Facts week) {
        Map<String, Object> model = new HashMap<>();
        model.put("service", "Tableau de bord — mission achats");
        model.put("signature", "Le tableau de bord de la mission achats (envoi automatique hebdomadaire)");
        model.put(
                "weekLabel",
                "du " + FrenchFormat.longDate(week.monday()) + " au " + FrenchFormat.longDate(week.sunday()));
        model.put("overdueTotal", week.overdueTotal());
        model.put("overdue", week.overdue());
        model.put("overdueNotListed", week.overdueTotal() - week.overdue().size());
        model.put("missed", week.missed());
        model.put("dashboardUrl", week.dashboardUrl());
        return model;
    }

    private static TemplateEngine engine(TemplateMode mode, String suffix) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        TemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
