package fr.defense.rapid.seed;

import static fr.defense.rapid.seed.CaseTables.utc;

import fr.defense.rapid.dossier.DossierStatus;
import fr.defense.rapid.seed.Companies.Company;
import fr.defense.rapid.seed.EngineHistory.Trail;
import fr.defense.rapid.seed.EngineHistory.Trail.Scope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The life of one RAPID dossier, drawn at random with the procedure's real proportions and delays:
 * eligibility, complements, evaluation (some beyond the 21-day SLA), the monthly committee, the
 * agreement, withdrawals and contests. Played twice with the same draws: once « dry » to learn how
 * long it lasts (so that it ends before the seed's last day), then for real, writing the dossier,
 * its timeline (one stage event per DossierStatus, at increasing dates) and the engine's history.
 * An open dossier stops at its waiting step and becomes an {@link OpenStep} for the engine.
 */
final class DossierLives {

    /** Where an open dossier waits, and what the engine needs to start it there. */
    record OpenStep(String reference, String activityId, Instant since, Map<String, Object> variables) {}

    /** A rejection contested in mediation: the case is filed at {@code filed}. */
    record Contest(String dossierNumber, Company company, Instant filed, long requestedAidEur) {}

    /** How a played life ended (dry run: its length; open dossiers: the offset of their waiting step). */
    record Played(Duration length, Duration waitingFrom) {}

    private static final String KEY = "rapid-subsidy";

    private final Companies companies;
    private final CaseTables tables;
    private final EngineHistory history;
    final List<OpenStep> open = new ArrayList<>();
    final List<Contest> contests = new ArrayList<>();

    DossierLives(Companies companies, CaseTables tables, EngineHistory history) {
        this.companies = companies;
        this.tables = tables;
        this.history = history;
    }

    /**
     * Plays one life from {@code t0}. {@code number} null: a dry run that writes nothing.
     * {@code waitAt}: the step an open dossier waits at (null for a finished one).
     */
    Played play(long seed, Instant t0, String number, String waitAt) {
        return new Life(new Random(seed), t0, number, waitAt).play();
    }

    private final class Life {
        private final Random r;
        private final Instant t0;
        private final String number;
        private final String waitAt;
        private final boolean real;
        private Instant t;
        private Trail trail;
        private Scope root;
        private Scope instruction;
        private String status = DossierStatus.SUBMITTED.name();
        private Instant decidedAt;
        private Instant closedAt;
        private Duration waitingFrom;

        // The draws, all made up front in a fixed order: both plays of a life see the same ones.
        private final Company company;
        private final String researchType;
        private final long totalCost;
        private final long personnelCost;
        private final long requested;
        private final int partners;
        private final boolean collaboration;
        private final boolean ineligible;
        private final boolean incomplete;
        private final boolean noComplements;
        private final int withdrawnAt;
        private final boolean approved;
        private final double agreement;
        private final boolean contested;
        private final double grantShare;
        private final Duration check;
        private final Duration complements;
        private final Duration recheck;
        private final Duration evaluation;
        private final Duration committee;
        private final Duration acceptance;
        private final Duration contestAfter;

        Life(Random r, Instant t0, String number, String waitAt) {
            this.r = r;
            this.t0 = t0;
            this.t = t0;
            this.number = number;
            this.waitAt = waitAt;
            this.real = number != null;
            Company drawn = companies.pick(r);
            // An open dossier got past the eligibility check: its company is not a large one.
            while (waitAt != null && "LARGE".equals(drawn.category())) {
                drawn = companies.pick(r);
            }
            company = drawn;
            researchType = r.nextDouble() < 0.6 ? "INDUSTRIAL_RESEARCH" : "EXPERIMENTAL_DEVELOPMENT";
            totalCost = 150_000L + 10_000L * r.nextInt(300);
            double personnelShare = 0.30 + r.nextDouble() * 0.45;
            personnelCost = (long) (totalCost * (waitAt == null ? personnelShare : Math.max(0.34, personnelShare)));
            requested = Math.min(totalCost, 50_000L + 5_000L * r.nextInt((int) (totalCost * 0.8 / 5_000L)));
            partners = r.nextInt(3);
            collaboration = partners > 0 || r.nextDouble() < 0.3;
            boolean fewPersonnel = personnelCost * 3 < totalCost;
            ineligible = "LARGE".equals(company.category()) || fewPersonnel;
            incomplete = r.nextDouble() < 0.22;
            noComplements = r.nextDouble() < 0.25;
            withdrawnAt = r.nextDouble() < 0.04 ? 1 + r.nextInt(3) : 0;
            approved = r.nextDouble() < 0.6;
            agreement = r.nextDouble();
            contested = r.nextDouble() < 0.06;
            grantShare = 0.7 + r.nextDouble() * 0.3;
            check = days(logNormal(5, 0.6));
            complements = days(logNormal(12, 0.5));
            recheck = days(logNormal(3, 0.5));
            evaluation = days(logNormal(17, 0.45));
            committee = days(3 + r.nextDouble() * 32);
            acceptance = days(logNormal(12, 0.6));
            contestAfter = days(1 + r.nextDouble() * 55);
        }

        Played play() {
            if (real && waitAt == null) {
                trail = history.start(KEY, number, company.ownerId(), "DossierSubmitted", t0);
                root = trail.root();
            }
            event(DossierStatus.SUBMITTED);
            pass(root, "DossierSubmitted", ms(1));
            pass(root, "RegisterDossier", ms(10));
            instruction = trail == null ? null : trail.enter(root, "InstructDossier", t);
            pass(instruction, "InstructionStarted", ms(0));
            t = t.plusSeconds(1 + r.nextInt(60));
            pass(instruction, "NotifyAcknowledgment", ms(100));
            mail("ACKNOWLEDGMENT", "Accusé de réception de votre dossier");
            pass(instruction, "DetermineCompanyCategory", ms(20));
            pass(instruction, "CheckEligibility", ms(40));
            pass(instruction, "RecordEligibility", ms(3));
            pass(instruction, "IsEligible", ms(0));
            boolean open = waitAt != null;
            if (ineligible && !open) {
                status(instruction, DossierStatus.INELIGIBLE, "CloseAsIneligible");
                pass(instruction, "NotifyIneligibility", ms(100));
                mail("INELIGIBILITY", "Votre dossier n'est pas éligible");
                return endInstruction("InstructionEndedIneligible");
            }
            pass(instruction, "CompletenessLoop", ms(0));
            if (waits("CheckCompleteness", DossierStatus.COMPLETENESS_CHECK)) {
                return done();
            }
            event(DossierStatus.COMPLETENESS_CHECK);
            if (withdrawnAt == 1 && !open) {
                return withdraw("CheckCompleteness", "rapid-secretariat", check.dividedBy(2));
            }
            task(instruction, "CheckCompleteness", "secretariat", check, null);
            pass(instruction, "IsComplete", ms(1));
            boolean missing = open ? "ProvideComplements".equals(waitAt) : incomplete;
            if (missing) {
                pass(instruction, "RequestComplements", ms(5));
                event(DossierStatus.AWAITING_COMPLEMENTS);
                note("COMPLEMENTS_REQUESTED", "Pièces ou informations à fournir sous 30 jours.");
                pass(instruction, "NotifyComplementsRequest", ms(100));
                mail("COMPLEMENTS_REQUEST", "Compléments demandés pour votre dossier");
                if (waits("ProvideComplements", null)) {
                    return done();
                }
                if (noComplements) {
                    Instant asked = t;
                    task(instruction, "ProvideComplements", company.ownerId(), Duration.ofDays(30), null, false);
                    trailPassAt(instruction, "ComplementsReminderDue", asked.plus(Duration.ofDays(23)));
                    trailPassAt(instruction, "NotifyComplementsReminder", asked.plus(Duration.ofDays(23)));
                    trailPassAt(instruction, "ReminderSent", asked.plus(Duration.ofDays(23)));
                    pass(instruction, "ComplementsDeadlinePassed", ms(0));
                    status(instruction, DossierStatus.CLOSED_WITHOUT_FOLLOW_UP, "CloseWithoutFollowUp");
                    pass(instruction, "NotifyClosureWithoutFollowUp", ms(100));
                    mail("CLOSURE_WITHOUT_FOLLOW_UP", "Votre dossier est classé sans suite");
                    return endInstruction("InstructionEndedWithoutFollowUp");
                }
                task(instruction, "ProvideComplements", company.ownerId(), complements, null);
                pass(instruction, "CompletenessLoop", ms(0));
                event(DossierStatus.COMPLETENESS_CHECK);
                task(instruction, "CheckCompleteness", "secretariat", recheck, null);
                pass(instruction, "IsComplete", ms(1));
            }
            if (waits("TechnicalEvaluation", DossierStatus.UNDER_EVALUATION)) {
                return done();
            }
            event(DossierStatus.UNDER_EVALUATION);
            Instant due = t.plus(Duration.ofDays(21));
            if (withdrawnAt == 2 && !open) {
                return withdraw("TechnicalEvaluation", "dga-experts", evaluation.dividedBy(2));
            }
            if (evaluation.compareTo(Duration.ofDays(21)) > 0) {
                trailPassAt(instruction, "EvaluationSlaExceeded", due);
                trailPassAt(instruction, "NotifyEvaluationOverdue", due);
                trailPassAt(instruction, "ManagersAlerted", due);
            }
            task(instruction, "TechnicalEvaluation", "expert", evaluation, due);
            pass(instruction, "DetermineFundingRate", ms(15));
            pass(instruction, "ComputeProposedAid", ms(2));
            if (waits("CommitteeDecision", DossierStatus.AWAITING_DECISION)) {
                return done();
            }
            event(DossierStatus.AWAITING_DECISION);
            if (withdrawnAt == 3 && !open) {
                return withdraw("CommitteeDecision", "rapid-committee", committee.dividedBy(2));
            }
            task(instruction, "CommitteeDecision", "committee", committee, null);
            boolean yes = open ? !"AwaitContest".equals(waitAt) : approved;
            decidedAt = t;
            pass(instruction, "RecordDecision", ms(2));
            event(yes ? DossierStatus.APPROVED : DossierStatus.REJECTED);
            pass(instruction, "InstructionEndedWithDecision", ms(0));
            leaveInstruction(EngineHistory.PASSED);
            pass(root, "DecisionOutcome", ms(1));
            return yes ? agreement() : rejection();
        }

        private Played agreement() {
            pass(root, "DraftAgreement", ms(20));
            note("AGREEMENT_DRAFTED", "Convention d'aide proposée au déposant");
            pass(root, "NotifyApproval", ms(100));
            mail("APPROVAL", "Décision du comité : aide accordée");
            if (waits("AcceptAgreement", null)) {
                return done();
            }
            Instant due = t.plus(Duration.ofDays(60));
            if (agreement < 0.08) {
                task(root, "AcceptAgreement", company.ownerId(), Duration.ofDays(60), due, false);
                pass(root, "AgreementDeadlinePassed", ms(0));
                status(root, DossierStatus.AGREEMENT_EXPIRED, "CloseAsAgreementExpired");
                return end("AgreementExpired");
            }
            task(root, "AcceptAgreement", company.ownerId(), acceptance, due);
            pass(root, "IsAgreementAccepted", ms(1));
            if (agreement < 0.12) {
                status(root, DossierStatus.AGREEMENT_DECLINED, "CloseAsDeclined");
                return end("AgreementDeclined");
            }
            status(root, DossierStatus.GRANTED, "AwardGrant");
            pass(root, "NotifyGrantAwarded", ms(100));
            mail("GRANT_AWARDED", "Subvention attribuée");
            return end("GrantAwarded");
        }

        private Played rejection() {
            Instant decided = t;
            pass(root, "OfferContest", ms(0));
            pass(root, "NotifyRejection", ms(100));
            mail("REJECTION", "Décision du comité : dossier rejeté");
            // Rejected within the last two months: the letter is sent, the contest period still runs.
            if (waits("AwaitContest", null)) {
                return done();
            }
            Instant letter = t;
            t = decided;
            Duration waited = contested ? contestAfter : Duration.ofDays(61);
            pass(root, "AwaitContest", waited);
            if (contested) {
                pass(root, "DecisionContested", ms(0));
                if (real) {
                    contests.add(new Contest(number, company, t, requested));
                }
                pass(root, "OpenMediationCase", ms(15));
            } else {
                pass(root, "ContestPeriodOver", ms(0));
            }
            pass(root, "ContestSettled", ms(0));
            trailPassAt(root, "RejectionSettled", letter);
            pass(root, "RejectionSettled", ms(1));
            return end("DossierRejected");
        }

        private Played withdraw(String activityId, String group, Duration after) {
            Instant start = t;
            t = t.plus(after);
            if (trail != null) {
                trail.task(instruction, activityId, taskName(activityId), null, start, t, null, false);
                trail.leave(instruction, t, EngineHistory.CANCELED);
            }
            pass(root, "WithdrawalRequested", ms(0));
            status(root, DossierStatus.WITHDRAWN, "CloseAsWithdrawn");
            pass(root, "NotifyWithdrawal", ms(100));
            mail("WITHDRAWAL", "Retrait de votre dossier");
            return end("DossierWithdrawn");
        }

        private Played endInstruction(String endEvent) {
            pass(instruction, endEvent, ms(0));
            leaveInstruction(EngineHistory.PASSED);
            pass(root, "DecisionOutcome", ms(1));
            return end("DossierClosedBeforeDecision");
        }

        private void leaveInstruction(int state) {
            if (trail != null) {
                trail.leave(instruction, t, state);
            }
        }

        private Played end(String endEvent) {
            pass(root, endEvent, ms(1));
            if (trail != null) {
                trail.end(endEvent, t);
            }
            writeDossier();
            return new Played(Duration.between(t0, t), null);
        }

        /** An open dossier stops here, waiting at its step: the engine will start it there. */
        private boolean waits(String activityId, DossierStatus stage) {
            if (!activityId.equals(waitAt)) {
                return false;
            }
            waitingFrom = Duration.between(t0, t);
            if (stage != null) {
                // The step's start listener records the stage when the engine starts the dossier there.
                status = stage.name();
            }
            if (real) {
                open.add(new OpenStep(number, activityId, t, variables()));
            }
            return true;
        }

        private Played done() {
            writeDossier();
            return new Played(Duration.between(t0, t), waitingFrom);
        }

        private Map<String, Object> variables() {
            Map<String, Object> v = new HashMap<>();
            v.put("applicant", company.ownerId());
            v.put("dossierNumber", number);
            v.put("companySiren", company.siren());
            v.put("companyName", company.name());
            v.put("companyHeadcount", (long) company.headcount());
            v.put("companyTurnoverEur", company.turnoverEur());
            v.put("companyBalanceSheetEur", company.balanceSheetEur());
            v.put("companyRegion", company.region());
            v.put("projectTitle", title());
            v.put("researchType", researchType);
            v.put("trlStart", trlStart());
            v.put("trlTarget", trlStart() + 2);
            v.put("defenceApplication", "Application de défense du projet " + number + ".");
            v.put("civilApplication", "Application civile du projet " + number + ".");
            v.put("durationMonths", 24L);
            v.put("totalCostEur", totalCost);
            v.put("personnelCostEur", personnelCost);
            v.put("requestedAidEur", requested);
            v.put("partnerCount", (long) partners);
            v.put("collaboration", collaboration);
            v.put("contactName", company.contactName());
            v.put("contactEmail", company.contactEmail());
            v.put("decision", null);
            v.put("companyCategory", company.category());
            v.put("eligible", true);
            v.put("ineligibilityReasons", null);
            v.put("completenessOutcome", "ProvideComplements".equals(waitAt) ? "INCOMPLETE" : "COMPLETE");
            if (!"CheckCompleteness".equals(waitAt) && !"ProvideComplements".equals(waitAt)) {
                v.put("fundingRate", rate().doubleValue());
            }
            if ("AwaitContest".equals(waitAt)) {
                v.put("decision", "REJECTED");
                v.put("decisionMotivation", "Le potentiel d'application défense est insuffisamment démontré.");
                v.put("grantedAidEur", null);
                v.put("proposedAidEur", proposed());
                v.put(
                        "contestDueDate",
                        java.util.Date.from(t.atZone(fr.defense.rapid.system.EngineClock.PARIS)
                                .plusMonths(2)
                                .with(java.time.LocalTime.MAX)
                                .withNano(0)
                                .toInstant()));
            }
            if ("CommitteeDecision".equals(waitAt) || "AcceptAgreement".equals(waitAt)) {
                v.put("proposedAidEur", proposed());
            }
            if ("AcceptAgreement".equals(waitAt)) {
                v.put("decision", "APPROVED");
                v.put("grantedAidEur", granted());
                v.put("agreementDueDate", java.util.Date.from(t.plus(Duration.ofDays(60))));
            }
            if ("ProvideComplements".equals(waitAt)) {
                v.put("missingItems", "Liasse fiscale du dernier exercice.");
                v.put("complementsDueDate", java.util.Date.from(t.plus(Duration.ofDays(30))));
                v.put("complementsReminderDate", java.util.Date.from(t.plus(Duration.ofDays(23))));
            }
            return v;
        }

        private void writeDossier() {
            if (!real) {
                return;
            }
            boolean proposedYet =
                    decidedAt != null || "CommitteeDecision".equals(waitAt) || (waitAt == null && reachedProposal());
            Long proposedAid = proposedYet ? proposed() : null;
            boolean approvedNow = waitAt != null ? !"AwaitContest".equals(waitAt) : approved;
            String decision = decidedAt == null ? null : approvedNow ? "APPROVED" : "REJECTED";
            Long granted = "APPROVED".equals(decision) ? granted() : null;
            tables.dossiers.add(
                    number,
                    status,
                    company.ownerId(),
                    trail == null ? null : trail.instanceId(),
                    company.siren(),
                    company.name(),
                    company.headcount(),
                    company.turnoverEur(),
                    company.balanceSheetEur(),
                    company.region(),
                    title(),
                    "Projet de recherche à double usage (données de démonstration).",
                    researchType,
                    trlStart(),
                    trlStart() + 2,
                    "Application de défense du projet " + number + ".",
                    "Application civile du projet " + number + ".",
                    24,
                    totalCost,
                    personnelCost,
                    requested,
                    partners,
                    collaboration,
                    company.contactName(),
                    company.contactEmail(),
                    company.category(),
                    !ineligible || waitAt != null,
                    ineligible && waitAt == null ? reasons() : null,
                    proposedYet ? rate() : null,
                    proposedAid,
                    decision,
                    granted,
                    "REJECTED".equals(decision)
                            ? "Le potentiel d'application défense est insuffisamment démontré."
                            : null,
                    utc(t0),
                    utc(t),
                    utc(decidedAt),
                    utc(closedAt));
        }

        private boolean reachedProposal() {
            return !ineligible && !(incomplete && noComplements) && (withdrawnAt == 0 || withdrawnAt == 3);
        }

        private String reasons() {
            return "LARGE".equals(company.category())
                    ? "L'entreprise compte 2 000 salariés ou plus."
                    : "Les frais de personnel n'atteignent pas le tiers du coût total du projet.";
        }

        private BigDecimal rate() {
            double base = "INDUSTRIAL_RESEARCH".equals(researchType) ? 0.50 : 0.25;
            double size = switch (company.category()) {
                case "SMALL" -> 0.20;
                case "MEDIUM" -> 0.10;
                default -> 0.0;
            };
            double bonus = !collaboration ? 0 : "ETI".equals(company.category()) ? 0.05 : 0.15;
            return BigDecimal.valueOf(Math.min(0.80, base + size + bonus)).setScale(2, RoundingMode.HALF_UP);
        }

        private long proposed() {
            long byRate = rate().multiply(BigDecimal.valueOf(totalCost))
                    .setScale(0, RoundingMode.FLOOR)
                    .longValueExact();
            return Math.min(requested, byRate);
        }

        private long granted() {
            return Math.max(1_000L, (long) (proposed() * grantShare) / 1_000L * 1_000L);
        }

        private String title() {
            return "Projet dual " + company.name();
        }

        private long trlStart() {
            return "INDUSTRIAL_RESEARCH".equals(researchType) ? 3L : 5L;
        }

        private void status(Scope scope, DossierStatus next, String activityId) {
            pass(scope, activityId, ms(3));
            event(next);
        }

        private void event(DossierStatus next) {
            status = next.name();
            if (next.closing()) {
                closedAt = t;
            }
            if (real) {
                tables.event(number, t, next.name(), next.description());
            }
        }

        private void note(String type, String description) {
            if (real) {
                tables.event(number, t, type, description);
            }
        }

        private void mail(String notification, String subject) {
            if (real) {
                tables.event(
                        number,
                        t,
                        "NOTIFICATION_" + notification,
                        "Courriel « [" + number + "] " + subject + " » préparé pour " + company.contactEmail() + ".");
            }
        }

        private void pass(Scope scope, String activityId, Duration duration) {
            Instant start = t;
            t = t.plus(duration);
            if (trail != null) {
                trail.pass(scope == null ? root : scope, activityId, start, t);
            }
        }

        private void trailPassAt(Scope scope, String activityId, Instant at) {
            if (trail != null) {
                trail.pass(scope, activityId, at, at.plusMillis(50));
            }
        }

        private void task(Scope scope, String activityId, String assignee, Duration duration, Instant due) {
            task(scope, activityId, assignee, duration, due, true);
        }

        private void task(
                Scope scope, String activityId, String assignee, Duration duration, Instant due, boolean completed) {
            Instant start = t;
            t = t.plus(duration);
            if (trail != null) {
                trail.task(scope, activityId, taskName(activityId), assignee, start, t, due, completed);
            }
        }

        private String taskName(String activityId) {
            String step = switch (activityId) {
                case "CheckCompleteness" -> "Vérifier la complétude du dossier";
                case "TechnicalEvaluation" -> "Évaluation technique";
                case "CommitteeDecision" -> "Décision du comité";
                case "ProvideComplements" -> "Fournir les compléments";
                default -> "Accepter la convention";
            };
            boolean staff = !activityId.equals("ProvideComplements") && !activityId.equals("AcceptAgreement");
            return staff ? step + " — " + number + " — " + company.name() : step;
        }

        private double logNormal(double median, double sigma) {
            return median * Math.exp(sigma * r.nextGaussian());
        }
    }

    static Duration days(double days) {
        return Duration.ofSeconds((long) (days * 86_400));
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
