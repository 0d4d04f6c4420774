package fr.defense.rapid.seed;

import static fr.defense.rapid.seed.CaseTables.utc;
import static fr.defense.rapid.seed.DossierLives.days;

import fr.defense.rapid.mediation.MediationOutcome;
import fr.defense.rapid.mediation.MediationSubject;
import fr.defense.rapid.seed.Companies.Company;
import fr.defense.rapid.seed.DossierLives.Contest;
import fr.defense.rapid.seed.DossierLives.OpenStep;
import fr.defense.rapid.seed.DossierLives.Played;
import fr.defense.rapid.seed.EngineHistory.Trail;
import fr.defense.rapid.seed.EngineHistory.Trail.Scope;
import fr.defense.rapid.system.EngineClock;
import fr.defense.rapid.system.FrenchFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The life of one mediation case, drawn at random: qualification (most within the 15 working days),
 * first contact, actions, agreement or escalation to level 2 and to the national mediator, withdrawals,
 * satisfaction survey; late-payment interest for late payments. Played dry then for real, as
 * {@link DossierLives}. Contests of RAPID rejections are cases too (subject RAPID_DECISION).
 */
final class CaseLives {

    private static final String KEY = "mediation-escalation";
    private static final MediationSubject[] SUBJECTS = {
        MediationSubject.LATE_PAYMENT, MediationSubject.CONTRACT_DISPUTE, MediationSubject.UNILATERAL_TERMINATION,
        MediationSubject.IP_DISPUTE, MediationSubject.PROCUREMENT_ACCESS, MediationSubject.OTHER
    };
    private static final int[] SUBJECT_WEIGHTS = {42, 20, 8, 6, 12, 12};
    /** Late-payment interest at a flat 12 % a year (ECB rate about 4 % + 8 points): demo data, not the ECB table. */
    private static final double INTEREST_RATE = 0.12;

    private final Companies companies;
    private final CaseTables tables;
    private final EngineHistory history;
    final List<OpenStep> open = new ArrayList<>();

    CaseLives(Companies companies, CaseTables tables, EngineHistory history) {
        this.companies = companies;
        this.tables = tables;
        this.history = history;
    }

    /** {@code waitAt}: QualifyRequest, ContactSme, ConductMediation1 or ConductMediation2 for an open case. */
    Played play(long seed, Instant t0, String number, String waitAt, Contest contest) {
        return new Life(new Random(seed), t0, number, waitAt, contest).play();
    }

    private final class Life {
        private final Random r;
        private final Instant t0;
        private final String number;
        private final String waitAt;
        private final Contest contest;
        private final boolean real;
        private Instant t;
        private Trail trail;
        private Scope root;
        private Scope mediation;
        private int level = 1;
        private Boolean admissible;
        private MediationOutcome outcome;
        private Instant answeredAt;
        private Instant closedAt;
        private Integer rating;
        private final List<Object[]> actions = new ArrayList<>();
        private Duration waitingFrom;
        private Instant levelDue;

        private final Company company;
        private final MediationSubject subject;
        private final long amount;
        private final long invoice;
        private final int lateDays;
        private final boolean paid;
        private final boolean notAdmissible;
        private final Duration qualify;
        private final Duration contact;
        private final double levelOne;
        private final double levelTwo;
        private final int actionsOne;
        private final int actionsTwo;
        private final Duration levelOneTime;
        private final Duration levelTwoTime;
        private final boolean rated;
        private final int stars;

        Life(Random r, Instant t0, String number, String waitAt, Contest contest) {
            this.r = r;
            this.t0 = t0;
            this.t = t0;
            this.number = number;
            this.waitAt = waitAt;
            this.contest = contest;
            this.real = number != null;
            Company drawn = companies.pick(r);
            company = contest != null ? contest.company() : drawn;
            subject = contest != null ? MediationSubject.RAPID_DECISION : subject(r);
            invoice = 5_000L + 1_000L * r.nextInt(300);
            lateDays = 5 + r.nextInt(150);
            paid = r.nextDouble() < 0.7;
            amount = contest != null
                    ? contest.requestedAidEur()
                    : subject == MediationSubject.LATE_PAYMENT ? invoice : 10_000L + 5_000L * r.nextInt(400);
            notAdmissible = waitAt == null && r.nextDouble() < 0.12;
            qualify = days(Math.min(40, 3 * Math.exp(0.9 * r.nextGaussian())));
            contact = days(Math.min(20, 2 * Math.exp(0.8 * r.nextGaussian())));
            levelOne = r.nextDouble();
            levelTwo = r.nextDouble();
            actionsOne = r.nextInt(4);
            actionsTwo = r.nextInt(3);
            levelOneTime = days(15 + r.nextDouble() * 70);
            levelTwoTime = days(10 + r.nextDouble() * 75);
            rated = r.nextDouble() < 0.55;
            double star = r.nextDouble();
            stars = star < 0.05 ? 1 : star < 0.12 ? 2 : star < 0.3 ? 3 : star < 0.7 ? 4 : 5;
        }

        Played play() {
            if (real && waitAt == null) {
                trail = history.start(
                        KEY,
                        number,
                        contest == null ? company.ownerId() : null,
                        contest == null ? "CaseRequested" : "RapidDecisionContested",
                        t0);
                root = trail.root();
            }
            levelDue = t0.atZone(EngineClock.PARIS).plusMonths(3).toInstant();
            pass(root, contest == null ? "CaseRequested" : "RapidDecisionContested", ms(1));
            pass(root, "RegisterCase", ms(15));
            event("FILED", "Demande de médiation enregistrée (" + subject.label() + ").");
            if (contest != null) {
                event(
                        "LINKED_DOSSIER",
                        "Contestation de la décision rendue sur le dossier " + contest.dossierNumber() + ".");
            }
            t = t.plusSeconds(1 + r.nextInt(30));
            pass(root, "NotifyCaseAcknowledgment", ms(100));
            mail("MEDIATION_ACKNOWLEDGMENT", "Accusé de réception de votre demande de médiation");
            mediation = trail == null ? null : trail.enter(root, "MediateCase", t);
            pass(mediation, "CaseOpened", ms(0));
            pass(mediation, "OfferWithdrawal", ms(1));
            Instant withdrawOffered = t;
            if (waits("QualifyRequest")) {
                return done();
            }
            Instant answerDue = answerDue(t0);
            if (t.plus(qualify).isAfter(answerDue)) {
                trailPassAt(mediation, "AnswerCommitmentMissed", answerDue);
                trailPassAt(mediation, "NotifyAnswerOverdue", answerDue);
                trailPassAt(mediation, "AnswerOverdueNotified", answerDue);
            }
            task(mediation, "QualifyRequest", "correspondent", qualify, answerDue, true);
            pass(mediation, "RecordQualification", ms(5));
            answeredAt = t;
            admissible = !notAdmissible;
            pass(mediation, "IsAdmissible", ms(0));
            if (notAdmissible) {
                event("QUALIFIED_NOT_ADMISSIBLE", "Demande jugée non recevable : hors du champ de la médiation.");
                return close(
                        MediationOutcome.NOT_ADMISSIBLE,
                        "CloseAsNotAdmissible",
                        "CaseClosedNotAdmissible",
                        withdrawOffered);
            }
            event("ADMISSIBLE", "Demande recevable ; votre interlocuteur : Julien Petit.");
            pass(mediation, "NotifyAdmissible", ms(100));
            mail("MEDIATION_ADMISSIBLE", "Votre demande de médiation est recevable");
            if (waits("ContactSme")) {
                return done();
            }
            Instant contactDue = t0.plus(Duration.ofDays(7));
            if (t.plus(contact).isAfter(contactDue) && t.isBefore(contactDue)) {
                trailPassAt(mediation, "FirstContactOverdue", contactDue);
                trailPassAt(mediation, "NotifyFirstContactOverdue", contactDue);
                trailPassAt(mediation, "FirstContactOverdueNotified", contactDue);
            }
            task(mediation, "ContactSme", "correspondent", contact, contactDue, true);
            pass(mediation, "RecordFirstContact", ms(5));
            action("L'entreprise (premier contact)", "Entretien téléphonique : l'entreprise précise sa demande.");
            event("FIRST_CONTACT", "Premier contact avec l'entreprise le " + FrenchFormat.date(day(t)) + ".");
            while (true) {
                pass(mediation, "LevelLoop", ms(0));
                Scope atLevel = trail == null ? null : trail.enter(mediation, "MediateAtLevel", t);
                Instant levelStart = t;
                pass(atLevel, "LevelStarted", ms(0));
                pass(atLevel, "LevelNextStep", ms(0));
                if (waits("ConductMediation" + level)) {
                    return done();
                }
                double fate = level == 1 ? levelOne : levelTwo;
                boolean forceUp = "ConductMediation2".equals(waitAt) && level == 1;
                Duration time = level == 1 ? levelOneTime : levelTwoTime;
                int actionCount = level == 1 ? actionsOne : actionsTwo;
                String group = level == 1 ? "correspondent" : "mediator";
                for (int i = 0; i < actionCount; i++) {
                    task(atLevel, "ConductMediation", group, time.dividedBy(actionCount + 1), levelDue, true);
                    pass(atLevel, "LevelStepChosen", ms(1));
                    pass(atLevel, "RecordAction", ms(5));
                    action("Service acheteur concerné", "Échange avec la partie concernée ; pièces transmises.");
                    event("ACTION", "Action de médiation du " + FrenchFormat.date(day(t)) + ".");
                    pass(atLevel, "LevelNextStep", ms(0));
                }
                Duration last = time.dividedBy(actionCount + 1);
                if (!forceUp && fate < 0.12) {
                    // The SME withdraws its request while the level runs.
                    task(atLevel, "ConductMediation", group, last, levelDue, false);
                    leave(atLevel, EngineHistory.CANCELED);
                    if (trail != null) {
                        trail.task(
                                mediation,
                                "WithdrawCase",
                                "Retirer ma demande de médiation",
                                company.ownerId(),
                                withdrawOffered,
                                t,
                                null,
                                true);
                    }
                    return close(MediationOutcome.WITHDRAWN, "CloseAsWithdrawn", "CaseWithdrawn", null);
                }
                if (!forceUp && fate < 0.62) {
                    task(atLevel, "ConductMediation", group, last, levelDue, true);
                    pass(atLevel, "LevelStepChosen", ms(1));
                    pass(atLevel, "LevelAgreement", ms(0));
                    leave(atLevel, EngineHistory.PASSED);
                    pass(mediation, "LevelConcluded", ms(1));
                    return close(
                            MediationOutcome.AGREEMENT,
                            "CloseWithAgreement",
                            "CaseClosedWithAgreement",
                            withdrawOffered);
                }
                boolean deadline = !forceUp && fate > 0.9;
                if (deadline) {
                    Duration toDue = Duration.between(t, levelDue);
                    task(atLevel, "ConductMediation", group, toDue.isNegative() ? ms(1) : toDue, levelDue, false);
                    leave(atLevel, EngineHistory.CANCELED);
                    pass(mediation, "LevelDeadlinePassed", ms(0));
                    pass(mediation, "NotifyMediationDeadlinePassed", ms(100));
                    pass(mediation, "EscalateAfterDeadline", ms(5));
                } else {
                    task(atLevel, "ConductMediation", group, last, levelDue, true);
                    pass(atLevel, "LevelStepChosen", ms(1));
                    pass(atLevel, "LevelFailed", ms(0));
                    leave(atLevel, EngineHistory.CANCELED);
                    pass(mediation, "LevelFailureEscalated", ms(0));
                    pass(mediation, "EscalateAfterFailure", ms(5));
                }
                level++;
                event(
                        "ESCALATED_TO_LEVEL_" + level,
                        "Transmis au " + (level == 2 ? "médiateur du ministère" : "Médiateur des entreprises")
                                + " (niveau " + level + ") : "
                                + (deadline
                                        ? "délai de médiation dépassé."
                                        : "échec de la médiation de niveau " + (level - 1) + "."));
                pass(mediation, "LevelEscalated", ms(0));
                pass(mediation, "NextLevel", ms(0));
                if (level == 3) {
                    return close(
                            MediationOutcome.ESCALATED_EXTERNAL,
                            "CloseAsEscalatedExternal",
                            "CaseHandedOff",
                            withdrawOffered);
                }
                pass(mediation, "NotifyEscalation", ms(100));
                mail("MEDIATION_ESCALATION", "Votre médiation est confiée au médiateur du ministère");
                levelDue = t.atZone(EngineClock.PARIS).plusMonths(3).toInstant();
                if (levelStart.isAfter(t)) {
                    throw new IllegalStateException("time went backwards");
                }
            }
        }

        /** The case closes with this outcome; then the survey, until rated or expired. */
        private Played close(MediationOutcome closing, String closeActivity, String endEvent, Instant withdrawOffered) {
            pass(mediation, closeActivity, ms(3));
            outcome = closing;
            closedAt = t;
            event(closing.name(), closing.label() + ".");
            pass(mediation, endEvent, ms(0));
            if (trail != null && withdrawOffered != null) {
                trail.task(
                        mediation,
                        "WithdrawCase",
                        "Retirer ma demande de médiation",
                        company.ownerId(),
                        withdrawOffered,
                        t,
                        null,
                        false);
            }
            leave(mediation, EngineHistory.PASSED);
            pass(root, "IsEscalatedExternal", ms(0));
            if (closing == MediationOutcome.ESCALATED_EXTERNAL) {
                pass(root, "HandOffToNationalMediator", ms(300));
                mail("MEDIATION_HANDOFF", "Saisine du Médiateur des entreprises");
            }
            pass(root, "OutcomeJoin", ms(0));
            pass(root, "NotifyCaseOutcome", ms(100));
            mail("MEDIATION_OUTCOME", "Issue de votre demande de médiation");
            pass(root, "NotifySurveyInvitation", ms(100));
            mail("MEDIATION_SURVEY", "Votre avis sur le service de médiation");
            Instant surveyDue = t.plus(Duration.ofDays(30));
            if (rated) {
                task(
                        root,
                        "RateService",
                        company.ownerId(),
                        days(Math.min(29, 4 * Math.exp(0.7 * r.nextGaussian()))),
                        surveyDue,
                        true);
                pass(root, "RecordSatisfaction", ms(3));
                rating = stars;
                event("RATED", "Service noté " + stars + "/5 par l'entreprise.");
                return end("ServiceRated");
            }
            task(root, "RateService", company.ownerId(), Duration.ofDays(30), surveyDue, false);
            pass(root, "SurveyExpired", ms(0));
            pass(root, "CloseSurveyUnanswered", ms(3));
            event("SURVEY_EXPIRED", "Enquête de satisfaction close sans réponse.");
            return end("SurveyClosedUnanswered");
        }

        private Played end(String endEvent) {
            pass(root, endEvent, ms(1));
            if (trail != null) {
                trail.end(endEvent, t);
            }
            writeCase();
            return new Played(Duration.between(t0, t), null);
        }

        private boolean waits(String step) {
            if (!step.equals(waitAt)) {
                return false;
            }
            waitingFrom = Duration.between(t0, t);
            if (real) {
                String activity = step.startsWith("ConductMediation") ? "ConductMediation" : step;
                open.add(new OpenStep(number, activity, t, variables()));
            }
            return true;
        }

        private Played done() {
            writeCase();
            return new Played(Duration.between(t0, t), waitingFrom);
        }

        private Map<String, Object> variables() {
            Map<String, Object> v = new HashMap<>();
            v.put("applicant", company.ownerId());
            v.put("caseNumber", number);
            v.put("companySiren", company.siren());
            v.put("companyName", company.name());
            v.put("contactName", company.contactName());
            v.put("contactEmail", company.contactEmail());
            v.put("subject", subject.name());
            v.put("subjectLabel", subject.label());
            v.put("counterpartName", counterpart());
            v.put("contractReference", contest == null ? "MARCHÉ " + number.substring(4) : null);
            v.put("dossierNumber", contest == null ? null : contest.dossierNumber());
            v.put("amountAtStakeEur", amount);
            v.put("description", description());
            v.put("confidentialityAccepted", true);
            v.put("level", level);
            v.put("renewed", false);
            v.put("admissible", admissible);
            v.put("outcome", null);
            v.put("answerDueDate", Date.from(answerDue(t0)));
            v.put("firstContactDueDate", Date.from(t0.plus(Duration.ofDays(7))));
            v.put("mediationDueDate", Date.from(levelDue));
            v.put("mediationDueDay", FrenchFormat.date(Date.from(levelDue)));
            if (admissible != null) {
                v.put("qualification", "ADMISSIBLE");
                v.put("mediatorName", "Julien Petit");
            }
            if (subject == MediationSubject.LATE_PAYMENT) {
                v.put("invoiceAmountEur", invoice);
                v.put("invoiceReceivedDate", invoiceReceived().toString());
                v.put("paymentDate", paid ? paymentDate().toString() : null);
                v.put("lateDays", (long) lateDays);
                v.put("lateInterestEur", interest().doubleValue());
            }
            return v;
        }

        private void writeCase() {
            if (!real) {
                return;
            }
            boolean late = subject == MediationSubject.LATE_PAYMENT;
            tables.cases.add(
                    number,
                    company.ownerId(),
                    trail == null ? null : trail.instanceId(),
                    level,
                    admissible,
                    outcome == null ? null : outcome.name(),
                    company.siren(),
                    company.name(),
                    company.contactName(),
                    company.contactEmail(),
                    subject.name(),
                    counterpart(),
                    contest == null ? "MARCHÉ " + number.substring(4) : null,
                    contest == null ? null : contest.dossierNumber(),
                    amount,
                    description(),
                    null,
                    true,
                    late ? invoice : null,
                    late ? invoiceReceived() : null,
                    late && paid ? paymentDate() : null,
                    late ? (long) lateDays : null,
                    late ? interest() : null,
                    late
                            ? "Intérêts moratoires au taux forfaitaire de 12 % l'an (données de démonstration) et indemnité de 40 €."
                            : null,
                    rating,
                    rating == null ? null : "Données de démonstration.",
                    utc(t0),
                    utc(answeredAt),
                    utc(t),
                    utc(closedAt));
            actions.forEach(tables.actions::add);
        }

        private LocalDate invoiceReceived() {
            return day(t0).minusDays(30L + lateDays + (paid ? 10 : 0));
        }

        private LocalDate paymentDate() {
            return invoiceReceived().plusDays(30L + lateDays);
        }

        private BigDecimal interest() {
            return BigDecimal.valueOf(invoice * INTEREST_RATE * lateDays / 365.0 + 40)
                    .setScale(2, RoundingMode.HALF_UP);
        }

        private String counterpart() {
            return contest != null
                    ? "Agence de l'innovation de défense — comité RAPID"
                    : "Service acheteur " + (1 + Math.floorMod(company.siren().hashCode(), 40));
        }

        private String description() {
            return "Demande de médiation (" + subject.label() + ") — données de démonstration.";
        }

        /** Kept until the case's row is written: an action refers to its case. */
        private void action(String counterpart, String summary) {
            if (real) {
                actions.add(new Object[] {
                    number, level, day(t), counterpart, summary, level == 1 ? "correspondent" : "mediator", utc(t)
                });
            }
        }

        private void event(String type, String description) {
            if (real) {
                tables.event(number, t, type, description);
            }
        }

        private void mail(String notification, String subjectLine) {
            if (real) {
                tables.event(
                        number,
                        t,
                        "NOTIFICATION_" + notification,
                        "Courriel « [" + number + "] " + subjectLine + " » préparé pour " + company.contactEmail()
                                + ".");
            }
        }

        private void pass(Scope scope, String activityId, Duration duration) {
            Instant start = t;
            t = t.plus(duration);
            if (trail != null) {
                trail.pass(scope, activityId, start, t);
            }
        }

        private void trailPassAt(Scope scope, String activityId, Instant at) {
            if (trail != null) {
                trail.pass(scope, activityId, at, at.plusMillis(50));
            }
        }

        private void leave(Scope scope, int state) {
            if (trail != null) {
                trail.leave(scope, t, state);
            }
        }

        private void task(
                Scope scope, String activityId, String assignee, Duration duration, Instant due, boolean completed) {
            Instant start = t;
            t = t.plus(duration);
            if (trail != null) {
                String name = switch (activityId) {
                    case "QualifyRequest" -> "Qualifier la demande — " + number + " — " + company.name();
                    case "ContactSme" -> "Premier contact avec l'entreprise — " + number + " — " + company.name();
                    case "ConductMediation" ->
                        "Conduire la médiation (niveau " + level + ") — " + number + " — " + company.name();
                    default -> "Noter le service de médiation";
                };
                trail.task(scope, activityId, name, assignee, start, t, due, completed);
            }
        }
    }

    /**
     * The end of the 15th working day after filing (Paris), as MediationDeadlines computes it, but
     * counting weekdays only: public holidays are ignored in test data (the mediation module keeps
     * its calendar to itself).
     */
    static Instant answerDue(Instant filed) {
        LocalDate day = day(filed);
        for (int counted = 0; counted < 15; ) {
            day = day.plusDays(1);
            if (day.getDayOfWeek().getValue() <= 5) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, LocalTime.MAX, EngineClock.PARIS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toInstant();
    }

    static LocalDate day(Instant at) {
        return at.atZone(EngineClock.PARIS).toLocalDate();
    }

    private static MediationSubject subject(Random r) {
        int draw = r.nextInt(100);
        for (int i = 0; i < SUBJECTS.length; i++) {
            draw -= SUBJECT_WEIGHTS[i];
            if (draw < 0) {
                return SUBJECTS[i];
            }
        }
        return MediationSubject.OTHER;
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
