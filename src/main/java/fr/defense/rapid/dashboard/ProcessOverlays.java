package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.ActivityLoad;
import fr.defense.rapid.dashboard.Figures.ProcessOverlay;
import fr.defense.rapid.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The live bottleneck map of a process, drawn on its latest diagram. Three grouped queries, each
 * over every version of the process (an instance started on an older version still waits at an
 * activity of the same id):
 *
 * <ul>
 *   <li>tokens waiting now: the engine's open activity instances ({@code ACT_HI_ACTINST} rows
 *       without end time), read through the {@code (PROC_DEF_ID_, END_TIME_)} index; unlike the
 *       runtime executions, they name the activity a token waits in (a task with boundary timers
 *       has a scope execution of its own) and count the enclosing subprocesses too;
 *   <li>overdue now: open user tasks ({@code ACT_RU_TASK}) whose due date has passed on the engine
 *       clock;
 *   <li>completed in the period and the median time spent: activity instances of the steps where
 *       time passes (tasks for people, waits for a message or a date, subprocesses) that ended in
 *       it, {@code percentile_cont(0.5)} of their duration (PostgreSQL and H2 2.x both have it).
 *       Automatic steps are left out: they take no time worth a median, and they are most of the
 *       history (at 100,000 dossiers, 12 months hold 820,000 ended activity instances of RAPID,
 *       160,000 of them where time passes; sorting only those halves the query's time).
 * </ul>
 *
 * The stage, region and category of the filter concern dossiers: they narrow the RAPID map to the
 * instances of matching dossiers and leave the mediation map as it is (DashboardFilter).
 */
@Component
class ProcessOverlays {

    /** Where tokens wait or work is done; gateways, plain events and boundary events are left out. */
    private static final Set<String> SHOWN = Set.of(
            "userTask",
            "manualTask",
            "receiveTask",
            "serviceTask",
            "sendTask",
            "businessRuleTask",
            "scriptTask",
            "callActivity",
            "subProcess");

    /** Activity types (ACT_HI_ACTINST.ACT_TYPE_) where time passes: those the median is computed for. */
    private static final List<String> WAITING_TYPES = List.of(
            "userTask",
            "manualTask",
            "receiveTask",
            "intermediateTimer",
            "intermediateMessageCatch",
            "intermediateSignalCatch",
            "intermediateConditional",
            "eventBasedGateway",
            "subProcess",
            "callActivity");

    private static final double MILLIS_PER_DAY = 86_400_000d;

    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final ActivityDeadlines deadlines;

    ProcessOverlays(RepositoryService repository, JdbcClient jdbc, ActivityDeadlines deadlines) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
    }

    ProcessOverlay overlay(String processKey, DashboardFilter filter) {
        ProcessDefinition latest = latest(processKey);
        List<String> versions =
                repository.createProcessDefinitionQuery().processDefinitionKey(processKey).list().stream()
                        .map(ProcessDefinition::getId)
                        .toList();
        DossierScope scope = DossierScope.of(processKey, filter);
        Map<String, Long> waiting = waitingNow(versions, scope);
        Map<String, Long> overdue = overdueNow(versions, scope);
        Map<String, Completed> completed = completedIn(versions, filter, scope);
        List<ActivityLoad> activities = new ArrayList<>();
        for (FlowNode node : shownNodes(repository.getBpmnModelInstance(latest.getId()))) {
            String id = node.getId();
            Completed done = completed.getOrDefault(id, Completed.NONE);
            Double deadline = deadlines.days(processKey, id);
            activities.add(new ActivityLoad(
                    id,
                    readable(node.getName(), id),
                    waiting.getOrDefault(id, 0L),
                    overdue.getOrDefault(id, 0L),
                    done.count(),
                    done.medianDays(),
                    deadline,
                    level(done.medianDays(), deadline)));
        }
        return new ProcessOverlay(processKey, latest.getName(), activities);
    }

    String diagram(String processKey) {
        try (InputStream xml = repository.getProcessModel(latest(processKey).getId())) {
            return new String(xml.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How the median time stands against the deadline (Figures.ProcessOverlay): NONE without a
     * deadline or without anything completed in the period to judge by.
     */
    static String level(Double medianDays, Double deadlineDays) {
        if (medianDays == null || deadlineDays == null) {
            return "NONE";
        }
        if (medianDays < deadlineDays / 2) {
            return "OK";
        }
        return medianDays < deadlineDays ? "WARNING" : "LATE";
    }

    private ProcessDefinition latest(String processKey) {
        ProcessDefinition latest = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(processKey)
                .latestVersion()
                .singleResult();
        if (latest == null) {
            throw new NotFoundException("Procédure « " + processKey + " » non déployée.");
        }
        return latest;
    }

    /** The activities to show, in the diagram's order (event-based gateways and catch events: tokens wait there). */
    private static List<FlowNode> shownNodes(BpmnModelInstance model) {
        return model.getModelElementsByType(FlowNode.class).stream()
                .filter(node -> (node instanceof Activity
                                && SHOWN.contains(node.getElementType().getTypeName()))
                        || node instanceof IntermediateCatchEvent
                        || node instanceof EventBasedGateway)
                .toList();
    }

    /** « Conduire la médiation (niveau ${level}) » reads « Conduire la médiation » on a map of all levels. */
    private static String readable(String name, String id) {
        if (name == null || name.isBlank()) {
            return id;
        }
        return name.replaceAll("\\s*\\([^)]*\\$\\{[^}]*}[^)]*\\)", "")
                .replaceAll("\\$\\{[^}]*}", "…")
                .strip();
    }

    private Map<String, Long> waitingNow(List<String> versions, DossierScope scope) {
        String sql = "select a.ACT_ID_ as activity, count(*) as n from ACT_HI_ACTINST a"
                + " where a.PROC_DEF_ID_ in (:versions) and a.END_TIME_ is null"
                + scope.condition("a.PROC_INST_ID_")
                + " group by a.ACT_ID_";
        return counts(scope.bind(jdbc.sql(sql).param("versions", versions)));
    }

    private Map<String, Long> overdueNow(List<String> versions, DossierScope scope) {
        String sql = "select t.TASK_DEF_KEY_ as activity, count(*) as n from ACT_RU_TASK t"
                + " where t.PROC_DEF_ID_ in (:versions) and t.DUE_DATE_ < :now"
                + scope.condition("t.PROC_INST_ID_")
                + " group by t.TASK_DEF_KEY_";
        return counts(scope.bind(jdbc.sql(sql)
                .param("versions", versions)
                .param("now", new Timestamp(ClockUtil.getCurrentTime().getTime()))));
    }

    private Map<String, Completed> completedIn(List<String> versions, DashboardFilter filter, DossierScope scope) {
        String sql = "select a.ACT_ID_ as activity, count(*) as n,"
                + " percentile_cont(0.5) within group (order by a.DURATION_) as median_ms"
                + " from ACT_HI_ACTINST a"
                + " where a.PROC_DEF_ID_ in (:versions) and a.END_TIME_ >= :start and a.END_TIME_ < :end"
                + " and a.ACT_TYPE_ in (:types)"
                + scope.condition("a.PROC_INST_ID_")
                + " group by a.ACT_ID_";
        // Engine timestamps are the JVM's local time without zone, as the engine writes them.
        return scope
                .bind(jdbc.sql(sql)
                        .param("versions", versions)
                        .param("types", WAITING_TYPES)
                        .param("start", Timestamp.from(filter.start().toInstant()))
                        .param("end", Timestamp.from(filter.end().toInstant())))
                .query((row, n) -> {
                    Number median = (Number) row.getObject("median_ms");
                    return Map.entry(
                            row.getString("activity"),
                            new Completed(
                                    row.getLong("n"),
                                    median == null ? null : round(median.doubleValue() / MILLIS_PER_DAY)));
                })
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, Long> counts(JdbcClient.StatementSpec statement) {
        Map<String, Long> counts = new HashMap<>();
        statement
                .query((row, n) -> Map.entry(row.getString("activity"), row.getLong("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /** Days with two decimals: enough for « 12,5 j » and for sums checked by hand. */
    private static double round(double days) {
        return Math.round(days * 100) / 100d;
    }

    private record Completed(long count, Double medianDays) {
        static final Completed NONE = new Completed(0, null);
    }

    /** The filter's dossier criteria as a condition on process instances (RAPID only). */
    private record DossierScope(String stage, String region, String category) {

        static DossierScope of(String processKey, DashboardFilter filter) {
            if (!"rapid-subsidy".equals(processKey)) {
                return new DossierScope(null, null, null);
            }
            return new DossierScope(filter.stage(), filter.region(), filter.category());
        }

        boolean narrows() {
            return stage != null || region != null || category != null;
        }

        String condition(String processInstanceColumn) {
            if (!narrows()) {
                return "";
            }
            StringBuilder sql = new StringBuilder(" and exists (select 1 from dossier d where d.process_instance_id = ")
                    .append(processInstanceColumn);
            if (stage != null) {
                sql.append(" and d.status = :stage");
            }
            if (region != null) {
                sql.append(" and d.company_region = :region");
            }
            if (category != null) {
                sql.append(" and d.company_category = :category");
            }
            return sql.append(")").toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            JdbcClient.StatementSpec bound = statement;
            if (stage != null) {
                bound = bound.param("stage", stage);
            }
            if (region != null) {
                bound = bound.param("region", region);
            }
            if (category != null) {
                bound = bound.param("category", category);
            }
            return bound;
        }
    }
}
