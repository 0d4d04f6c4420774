package fr.defense.rapid.seed;

import fr.defense.rapid.procedure.CaseNumbers;
import fr.defense.rapid.procedure.Procedure;
import fr.defense.rapid.seed.DossierLives.Contest;
import fr.defense.rapid.seed.DossierLives.Played;
import fr.defense.rapid.system.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seeds years of RAPID dossiers and mediation cases, and the work waiting now (see SeedSettings):
 * finished ones straight into the tables (ours and the engine's history), open ones through the
 * engine. Numbers are the real ones ({@code RAPID-<year>-<n>}, {@code MED-<year>-<n>}, in filing
 * order), reserved from {@code CaseNumbers}: numbers given afterwards follow them.
 */
@Component
public class Seeder {

    private static final Logger log = LoggerFactory.getLogger(Seeder.class);
    private static final int COMPANIES = 2_000;

    /** The open staff tasks' spread over the steps, and the SME tasks (complements, agreement) besides. */
    private static final Map<String, Double> RAPID_STEPS = new LinkedHashMap<>();

    private static final Map<String, Double> CASE_STEPS = new LinkedHashMap<>();

    static {
        RAPID_STEPS.put("CheckCompleteness", 0.60 * 0.25);
        RAPID_STEPS.put("TechnicalEvaluation", 0.60 * 0.45);
        RAPID_STEPS.put("CommitteeDecision", 0.60 * 0.30);
        RAPID_STEPS.put("ProvideComplements", 0.03);
        RAPID_STEPS.put("AcceptAgreement", 0.03);
        CASE_STEPS.put("QualifyRequest", 0.40 * 0.25);
        CASE_STEPS.put("ContactSme", 0.40 * 0.15);
        CASE_STEPS.put("ConductMediation1", 0.40 * 0.40);
        CASE_STEPS.put("ConductMediation2", 0.40 * 0.20);
    }

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CaseNumbers numbering;

    Seeder(
            DataSource dataSource,
            JdbcTemplate jdbc,
            RepositoryService repository,
            RuntimeService runtime,
            TaskService tasks,
            CaseNumbers caseNumbers) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.numbering = caseNumbers;
    }

    private record Planned(long seed, String waitAt, Instant t0, Contest contest) {}

    public SeedReport seed(SeedSettings settings) {
        Long existing = jdbc.queryForObject("select count(*) from dossier", Long.class);
        if (existing != null && existing > 0 && !settings.force()) {
            throw new IllegalStateException("The database already holds " + existing
                    + " dossiers: seeding refused (rapid.seed.force=true to seed anyway).");
        }
        long tasksBefore = tasks.createTaskQuery().withCandidateGroups().count();
        LocalDate lastDay = settings.until() != null ? settings.until() : EngineClock.today();
        Instant until =
                lastDay.plusDays(1).atStartOfDay(EngineClock.PARIS).toInstant().minusSeconds(60);
        Instant from = lastDay.minusYears(settings.years())
                .atStartOfDay(EngineClock.PARIS)
                .toInstant();
        Random random = new Random(settings.randomSeed());
        Companies companies = new Companies(COMPANIES, settings.randomSeed());

        long started = System.nanoTime();
        DossierLives dossierLives;
        CaseLives caseLives;
        long tableRows;
        long historyRows;
        int contestCount;
        try (CaseTables tables = new CaseTables(dataSource);
                EngineHistory history = new EngineHistory(dataSource, repository)) {
            dossierLives = new DossierLives(companies, tables, history);
            List<Planned> dossiers = new ArrayList<>();
            for (int i = 0; i < settings.dossiers(); i++) {
                long seed = random.nextLong();
                Played dry = dossierLives.play(seed, from, null, null);
                dossiers.add(new Planned(seed, null, historic(random, from, until, dry), null));
            }
            for (Map.Entry<String, Double> step : RAPID_STEPS.entrySet()) {
                for (int i = 0; i < Math.round(settings.openTasks() * step.getValue()); i++) {
                    long seed = random.nextLong();
                    Played dry = dossierLives.play(seed, from, null, step.getKey());
                    dossiers.add(new Planned(seed, step.getKey(), waiting(random, until, step.getKey(), dry), null));
                }
            }
            // Rejections of the last two months, still open to contest: as many as the history has per two months.
            long recentRejections = Math.round(settings.dossiers() * 0.33 * 61 / (365.0 * settings.years()));
            for (int i = 0; i < recentRejections; i++) {
                long seed = random.nextLong();
                Played dry = dossierLives.play(seed, from, null, "AwaitContest");
                dossiers.add(new Planned(seed, "AwaitContest", waiting(random, until, "AwaitContest", dry), null));
            }
            Map<String, String> numbers = number(dossiers, Procedure.RAPID);
            for (Planned planned : dossiers) {
                dossierLives.play(planned.seed(), planned.t0(), numbers.get(key(planned)), planned.waitAt());
            }
            tables.dossiers.flush();
            log.info("Seed: {} dossiers written", dossiers.size());

            caseLives = new CaseLives(companies, tables, history);
            List<Planned> cases = new ArrayList<>();
            contestCount = Math.min(dossierLives.contests.size(), settings.cases());
            for (Contest contest : dossierLives.contests.subList(0, contestCount)) {
                cases.add(new Planned(random.nextLong(), null, contest.filed(), contest));
            }
            for (int i = contestCount; i < settings.cases(); i++) {
                long seed = random.nextLong();
                Played dry = caseLives.play(seed, from, null, null, null);
                cases.add(new Planned(seed, null, historic(random, from, until, dry), null));
            }
            for (Map.Entry<String, Double> step : CASE_STEPS.entrySet()) {
                for (int i = 0; i < Math.round(settings.openTasks() * step.getValue()); i++) {
                    long seed = random.nextLong();
                    Played dry = caseLives.play(seed, from, null, step.getKey(), null);
                    cases.add(new Planned(seed, step.getKey(), waiting(random, until, step.getKey(), dry), null));
                }
            }
            Map<String, String> caseNumbers = number(cases, Procedure.MEDIATION);
            List<Object[]> links = new ArrayList<>();
            for (Planned planned : cases) {
                String number = caseNumbers.get(key(planned));
                caseLives.play(planned.seed(), planned.t0(), number, planned.waitAt(), planned.contest());
                if (planned.contest() != null) {
                    links.add(new Object[] {number, planned.contest().dossierNumber()});
                    tables.event(
                            planned.contest().dossierNumber(),
                            planned.t0(),
                            "CONTESTED",
                            "Décision contestée : dossier de médiation " + number + " ouvert.");
                }
            }
            tables.close();
            history.close();
            jdbc.batchUpdate("update dossier set mediation_case_number = ? where dossier_number = ?", links);
            tableRows = tables.rows();
            historyRows = history.rows();
        }
        Duration historyTime = Duration.ofNanos(System.nanoTime() - started);
        log.info("Seed: finished dossiers and cases written in {} s", historyTime.toSeconds());

        long engineStarted = System.nanoTime();
        new OpenWork(runtime, jdbc).start(concat(dossierLives.open, caseLives.open));
        Duration engineTime = Duration.ofNanos(System.nanoTime() - engineStarted);
        long staffTasks = tasks.createTaskQuery().withCandidateGroups().count() - tasksBefore;
        SeedReport report = new SeedReport(
                settings.dossiers(),
                settings.cases(),
                dossierLives.open.size(),
                caseLives.open.size(),
                staffTasks,
                tableRows,
                historyRows,
                historyTime,
                engineTime);
        log.info("Seed done: {}", report);
        return report;
    }

    /** A finished life, placed so that it ends before the last day (longer ones start earlier). */
    private static Instant historic(Random random, Instant from, Instant until, Played dry) {
        Instant latest = until.minus(dry.length());
        long span = Math.max(1, Duration.between(from, latest).toSeconds());
        return latest.isAfter(from) ? from.plusSeconds((long) (random.nextDouble() * span)) : latest;
    }

    /** An open life, placed so that it has been waiting at its step for a while now. */
    private static Instant waiting(Random random, Instant until, String step, Played dry) {
        double days = switch (step) {
            case "CheckCompleteness" -> -5 * Math.log(1 - random.nextDouble());
            case "TechnicalEvaluation" -> -14 * Math.log(1 - random.nextDouble());
            case "CommitteeDecision" -> random.nextDouble() * 35;
            case "ProvideComplements" -> random.nextDouble() * 25;
            case "AcceptAgreement" -> random.nextDouble() * 50;
            case "QualifyRequest" -> Math.min(60, -7 * Math.log(1 - random.nextDouble()));
            case "ContactSme" -> random.nextDouble() * 14;
            case "ConductMediation2" -> random.nextDouble() * 80;
            // Level 1's target runs from the filing: the case must be under three months old.
            default -> random.nextDouble() * Math.max(0, 80 - dry.waitingFrom().toHours() / 24.0);
        };
        double sinceFiling = Math.min(days, step.equals("QualifyRequest") || step.equals("ContactSme") ? 80 : days);
        return until.minus(DossierLives.days(sinceFiling)).minus(dry.waitingFrom());
    }

    private static String key(Planned planned) {
        return planned.seed() + "/" + planned.t0();
    }

    /** Real numbers in filing order, each year's reserved from CaseNumbers: numbers given afterwards follow them. */
    private Map<String, String> number(List<Planned> planned, Procedure procedure) {
        planned.sort(Comparator.comparing(Planned::t0));
        Map<Integer, Integer> perYear = new TreeMap<>();
        for (Planned p : planned) {
            perYear.merge(yearOf(p), 1, Integer::sum);
        }
        Map<Integer, Long> next = new HashMap<>();
        perYear.forEach((year, count) -> next.put(year, numbering.reserve(procedure, year, count)));
        Map<String, String> numbers = new HashMap<>();
        for (Planned p : planned) {
            int year = yearOf(p);
            numbers.put(key(p), CaseNumbers.format(procedure, year, next.merge(year, 1L, Long::sum) - 1));
        }
        return numbers;
    }

    private static int yearOf(Planned planned) {
        return ZonedDateTime.ofInstant(planned.t0(), EngineClock.PARIS).getYear();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
