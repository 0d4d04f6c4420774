package fr.defense.rapid.perf;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the cluster rehearsal checks once the load is over and every asynchronous job has run, read from the
 * database (our tables and the engine's) and from the mails the SMTP server accepted. Prints one line per
 * check, PASS or FAIL, with its counts.
 */
final class ClusterChecks {

    private static final Pattern NUMBERED_SUBJECT = Pattern.compile("^\\[(RAPID-\\d{4}-\\d+)] (.*)$");
    private static final String ACKNOWLEDGMENT = "Accusé de réception de votre dossier";
    private static final String COMPLEMENTS_REQUEST = "Compléments demandés pour votre dossier";
    private static final String WITHDRAWAL = "Retrait de votre dossier confirmé";

    record LockedJob(String id, String owner, Timestamp lockExpires) {}

    /** Jobs locked at a moment, and by how many owners (one per job executor, so per node). */
    record LockedJobs(List<LockedJob> jobs, int owners) {}

    private final ClusterRehearsal rehearsal;
    private final Connection db;
    private final List<MimeMessage> mails;
    private boolean passed = true;

    ClusterChecks(ClusterRehearsal rehearsal, Connection db, List<MimeMessage> mails) {
        this.rehearsal = rehearsal;
        this.db = db;
        this.mails = mails;
    }

    /** Waits (up to {@code timeout}) for a moment when both nodes' job executors hold locked jobs; that snapshot. */
    static LockedJobs awaitBothNodesHoldingJobs(Connection db, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        LockedJobs locked;
        do {
            locked = lockedJobs(db);
        } while (locked.owners() < 2 && System.nanoTime() < deadline);
        return locked;
    }

    /**
     * The jobs the dead node had locked: those of the snapshot taken just before the kill that, three seconds
     * later, still carry the same lock (the live node runs its own in milliseconds).
     */
    static LockedJobs orphansOfTheDeadNode(Connection db, LockedJobs atKill, long killedAtMillis) throws SQLException {
        ClusterRehearsal.sleep(Math.max(0, killedAtMillis + 3000 - System.currentTimeMillis()));
        Set<LockedJob> still = new HashSet<>(lockedJobs(db).jobs());
        List<LockedJob> orphans = atKill.jobs().stream().filter(still::contains).toList();
        return new LockedJobs(
                orphans, (int) orphans.stream().map(LockedJob::owner).distinct().count());
    }

    private static LockedJobs lockedJobs(Connection db) throws SQLException {
        List<LockedJob> jobs = new ArrayList<>();
        try (PreparedStatement sql = db.prepareStatement(
                        "select id_, lock_owner_, lock_exp_time_ from act_ru_job where lock_owner_ is not null");
                ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                jobs.add(new LockedJob(rows.getString(1), rows.getString(2), rows.getTimestamp(3)));
            }
        }
        return new LockedJobs(
                jobs, (int) jobs.stream().map(LockedJob::owner).distinct().count());
    }

    /** Until no asynchronous step is left to run (nor a timer due), twice in a row. */
    static void awaitQuiet(Connection db, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            long pending = count(
                    db,
                    "select count(*) from act_ru_job where retries_ > 0"
                            + " and (type_ = 'message' or (type_ = 'timer' and duedate_ <= current_timestamp))");
            quiet = pending == 0 ? quiet + 1 : 0;
            ClusterRehearsal.sleep(1000);
        }
    }

    boolean run() throws SQLException, MessagingException {
        int expected = rehearsal.dossiers;
        Set<String> numbers = new HashSet<>(rehearsal.numbers.values());
        System.out.println();
        System.out.println("Checks");

        check(
                "every dossier submitted, one number each",
                rehearsal.numbers.size() == expected && rehearsal.clientErrors.isEmpty(),
                "%d of %d dossiers answered; %d client errors%s; %d submissions retried on the other node after"
                        + " the kill, %d of them answered as a repeat (Idempotency-Key)",
                rehearsal.numbers.size(),
                expected,
                rehearsal.clientErrors.size(),
                rehearsal.clientErrors.isEmpty()
                        ? ""
                        : " " + rehearsal.clientErrors.subList(0, Math.min(3, rehearsal.clientErrors.size())),
                rehearsal.submissionRetries.get(),
                rehearsal.replayed.get());
        long rows = count("select count(*) from dossier");
        check(
                "dossier numbers unique across nodes",
                numbers.size() == expected && rows == expected,
                "%d distinct numbers given to %d dossiers; %d rows in the dossier table",
                numbers.size(),
                expected,
                rows);
        long instances = count("select count(*) from act_hi_procinst where proc_def_key_ = 'rapid-subsidy'");
        long doubled = count("select count(*) from (select business_key_ from act_hi_procinst"
                + " where proc_def_key_ = 'rapid-subsidy' group by business_key_ having count(*) > 1) d");
        long withoutDossier = count("select count(*) from act_hi_procinst p where proc_def_key_ = 'rapid-subsidy'"
                + " and not exists (select 1 from dossier d where d.dossier_number = p.business_key_)");
        check(
                "one process instance per dossier",
                instances == expected && doubled == 0 && withoutDossier == 0,
                "%d instances of rapid-subsidy for %d dossiers; %d dossiers with more than one; %d without a dossier",
                instances,
                expected,
                doubled,
                withoutDossier);

        mailChecks(numbers);
        taskChecks();

        long pending = count("select count(*) from act_ru_job where type_ = 'message'");
        long incidents = count("select count(*) from act_ru_incident");
        check(
                "every asynchronous job done, no incident",
                pending == 0 && incidents == 0,
                "%d asynchronous jobs left, %d incidents",
                pending,
                incidents);

        lockChecks();
        nodeChecks();
        rehearsal.sessionChecks.forEach((what, result) -> check("session: " + what, "ok".equals(result), "%s", result));

        System.out.println(passed ? "ALL CHECKS PASSED" : "SOME CHECKS FAILED");
        return passed;
    }

    private void mailChecks(Set<String> numbers) throws MessagingException, SQLException {
        // Per dossier and subject: the Message-IDs received, each with its count.
        Map<String, Map<String, Integer>> byNotification = new TreeMap<>();
        Map<String, Integer> bySubject = new TreeMap<>();
        int foreign = 0;
        for (MimeMessage mail : mails) {
            Matcher subject = NUMBERED_SUBJECT.matcher(String.valueOf(mail.getSubject()));
            if (!subject.matches() || !numbers.contains(subject.group(1))) {
                foreign++;
                continue;
            }
            bySubject.merge(subject.group(2), 1, Integer::sum);
            byNotification
                    .computeIfAbsent(subject.group(1) + " | " + subject.group(2), key -> new TreeMap<>())
                    .merge(String.valueOf(mail.getMessageID()), 1, Integer::sum);
        }
        long acknowledged = numbers.stream()
                .filter(n -> byNotification.containsKey(n + " | " + ACKNOWLEDGMENT))
                .count();
        long incomplete = expectedOutcomes("INCOMPLETE");
        long withdrawn = expectedOutcomes("WITHDRAWN");
        long complementsRequested = byNotification.keySet().stream()
                .filter(key -> key.endsWith(COMPLEMENTS_REQUEST))
                .count();
        long withdrawalsConfirmed = byNotification.keySet().stream()
                .filter(key -> key.endsWith(WITHDRAWAL))
                .count();
        List<String> twoIds = new ArrayList<>();
        int sameIdRepeats = 0;
        for (Map.Entry<String, Map<String, Integer>> notification : byNotification.entrySet()) {
            if (notification.getValue().size() > 1) {
                twoIds.add(notification.getKey() + " " + notification.getValue());
            }
            for (int copies : notification.getValue().values()) {
                sameIdRepeats += copies - 1;
            }
        }
        System.out.printf(
                "  mails received: %d (%s), %d not about this run's dossiers%n", mails.size(), bySubject, foreign);
        check(
                "one acknowledgment per dossier",
                acknowledged == numbers.size(),
                "%d of %d dossiers acknowledged",
                acknowledged,
                numbers.size());
        check(
                "one complements request per dossier found incomplete, one confirmation per withdrawal",
                complementsRequested == incomplete && withdrawalsConfirmed == withdrawn,
                "%d requests for %d incomplete dossiers; %d confirmations for %d withdrawn",
                complementsRequested,
                incomplete,
                withdrawalsConfirmed,
                withdrawn);
        check(
                "no notification with two different Message-IDs",
                twoIds.isEmpty(),
                "%d notifications, %d sent with different Message-IDs%s; %d repeats with the same Message-ID"
                        + " (harmless: dropped by mail servers and clients)",
                byNotification.size(),
                twoIds.size(),
                twoIds.isEmpty() ? "" : " " + twoIds,
                sameIdRepeats);
        Map<String, Long> statuses = new TreeMap<>();
        try (PreparedStatement sql = db.prepareStatement("select status, count(*) from notification group by status");
                ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                statuses.put(rows.getString(1), rows.getLong(2));
            }
        }
        long recorded = statuses.values().stream().mapToLong(Long::longValue).sum();
        check(
                "every notification recorded as sent, once",
                recorded == byNotification.size() && statuses.keySet().equals(Set.of("SENT")),
                "%d notification rows %s for %d notifications received",
                recorded,
                statuses,
                byNotification.size());
    }

    private void taskChecks() throws SQLException {
        // The open task each dossier should wait at now, from the secretariat's answer.
        Map<String, String> expected = new TreeMap<>();
        rehearsal.numbers.forEach((i, number) -> {
            String outcome = ClusterRehearsal.outcome(i);
            expected.put(
                    number,
                    outcome == null ? "CheckCompleteness" : "INCOMPLETE".equals(outcome) ? "ProvideComplements" : "");
        });
        Map<String, List<String>> open = new TreeMap<>();
        try (PreparedStatement sql = db.prepareStatement(
                        "select p.business_key_, t.task_def_key_ from act_ru_task t"
                                + " join act_hi_procinst p on p.id_ = t.proc_inst_id_ where p.proc_def_key_ = 'rapid-subsidy'");
                ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                open.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                        .add(rows.getString(2));
            }
        }
        List<String> wrong = new ArrayList<>();
        expected.forEach((number, task) -> {
            List<String> tasks = task.isEmpty() ? List.of() : List.of(task);
            if (!tasks.equals(open.getOrDefault(number, List.of()))) {
                wrong.add(number + " expected " + task + ", open " + open.get(number));
            }
        });
        Map<String, Long> perTask = new TreeMap<>();
        open.values().forEach(tasks -> tasks.forEach(task -> perTask.merge(task, 1L, Long::sum)));
        long checked = count("select count(*) from act_hi_taskinst where task_def_key_ = 'CheckCompleteness'"
                + " and end_time_ is not null and delete_reason_ = 'completed'");
        long withdrawnRows = count("select count(*) from dossier where status = 'WITHDRAWN'");
        long incomplete = expectedOutcomes("INCOMPLETE");
        long withdrawn = expectedOutcomes("WITHDRAWN");
        check(
                "no lost task: each dossier waits at the task its answers lead to",
                wrong.isEmpty() && checked == incomplete && withdrawnRows == withdrawn,
                "open tasks %s; %d completeness checks completed for %d found incomplete; %d dossiers withdrawn of %d"
                        + " (%d actions retried on the other node, %d of them found already done); %d dossiers wrong%s",
                perTask,
                checked,
                incomplete,
                withdrawnRows,
                withdrawn,
                rehearsal.actionRetries.get(),
                rehearsal.actionsFoundDone.get(),
                wrong.size(),
                wrong.isEmpty() ? "" : " " + wrong.subList(0, Math.min(3, wrong.size())));
    }

    private long expectedOutcomes(String outcome) {
        return rehearsal.numbers.keySet().stream()
                .filter(i -> outcome.equals(ClusterRehearsal.outcome(i)))
                .count();
    }

    private void lockChecks() throws SQLException {
        LockedJobs orphans = rehearsal.lockedAtKill;
        List<String> early = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        double first = Double.MAX_VALUE;
        double last = 0;
        Map<String, Integer> ranOn = new TreeMap<>();
        for (LockedJob job : orphans.jobs()) {
            try (PreparedStatement sql = db.prepareStatement("select timestamp_, hostname_ from act_hi_job_log"
                    + " where job_id_ = ? and job_state_ = 2 order by timestamp_ desc limit 1")) {
                sql.setString(1, job.id());
                try (ResultSet row = sql.executeQuery()) {
                    if (!row.next()) {
                        notRun.add(job.id());
                        continue;
                    }
                    Timestamp done = row.getTimestamp(1);
                    ranOn.merge(row.getString(2), 1, Integer::sum);
                    if (done.before(job.lockExpires())) {
                        early.add(job.id());
                    }
                    double afterKill = (done.getTime() - rehearsal.killedAtMillis) / 1000.0;
                    first = Math.min(first, afterKill);
                    last = Math.max(last, afterKill);
                }
            }
        }
        if (orphans.jobs().isEmpty()) {
            check(
                    "jobs the dead node had locked picked up after their lock expired",
                    true,
                    "node-b held no locked job at the kill: nothing to take over this time (lock time %d ms)",
                    rehearsal.lockTimeMillis);
            return;
        }
        check(
                "jobs the dead node had locked picked up after their lock expired",
                early.isEmpty() && notRun.isEmpty(),
                "%d jobs locked by node-b at the kill; done %.1f to %.1f s after the kill, on %s (lock time %.0f s);"
                        + " %d done before their lock expired, %d never done",
                orphans.jobs().size(),
                first,
                last,
                ranOn,
                rehearsal.lockTimeMillis / 1000.0,
                early.size(),
                notRun.size());
    }

    private void nodeChecks() throws SQLException {
        Map<String, Long> jobsRun = new TreeMap<>();
        try (PreparedStatement sql = db.prepareStatement(
                        "select hostname_, count(*) from act_hi_job_log where job_state_ = 2 group by hostname_");
                ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                jobsRun.put(rows.getString(1), rows.getLong(2));
            }
        }
        long afterRestart;
        try (PreparedStatement sql = db.prepareStatement("select count(*) from act_hi_job_log"
                + " where job_state_ = 2 and hostname_ = 'node-b' and timestamp_ > ?")) {
            sql.setTimestamp(1, new Timestamp(rehearsal.restartedAtMillis));
            try (ResultSet row = sql.executeQuery()) {
                row.next();
                afterRestart = row.getLong(1);
            }
        }
        Map<String, Integer> served = new LinkedHashMap<>();
        rehearsal.servedBy.forEach((node, count) -> served.put(node, count.get()));
        check(
                "both nodes worked, and node-b again once restarted",
                served.size() == 2 && jobsRun.getOrDefault("node-a", 0L) > 0 && afterRestart > 0,
                "requests answered %s; jobs run %s, %d of them by node-b after its restart",
                served,
                jobsRun,
                afterRestart);
    }

    private long count(String query) throws SQLException {
        return count(db, query);
    }

    private static long count(Connection db, String query) throws SQLException {
        try (PreparedStatement sql = db.prepareStatement(query);
                ResultSet row = sql.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private void check(String what, boolean ok, String details, Object... values) {
        passed &= ok;
        System.out.printf("%s  %s: %s%n", ok ? "PASS" : "FAIL", what, details.formatted(values));
    }
}
