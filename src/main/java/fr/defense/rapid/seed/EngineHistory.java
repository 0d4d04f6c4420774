package fr.defense.rapid.seed;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ActivityTypes;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;

/**
 * The engine's history of finished instances, written straight into {@code ACT_HI_PROCINST},
 * {@code ACT_HI_ACTINST} and {@code ACT_HI_TASKINST} with the columns and values the engine itself
 * writes (Camunda 7.24's {@code activiti.postgres.create.history.sql}; activity types, states,
 * removal time = end + the model's history time to live). A test-data shortcut: running 100,000
 * instances through the engine would take hours. Variables, identity links and decisions of these
 * instances are not written.
 */
final class EngineHistory implements AutoCloseable {

    /** ACT_INST_STATE_ as the engine writes it (ActivityInstanceState). */
    static final int PASSED = 4;

    static final int COMPLETED_SCOPE = 1;
    static final int CANCELED = 2;
    static final int JOINED = 0;

    private final Map<String, Definition> definitions = new HashMap<>();
    private final BulkInsert processes;
    private final BulkInsert activities;
    private final BulkInsert tasks;

    private record Definition(String key, String id, int historyDays, BpmnModelInstance model) {}

    EngineHistory(DataSource dataSource, RepositoryService repository) {
        for (String key : List.of("rapid-subsidy", "mediation-escalation")) {
            ProcessDefinition definition = repository
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(key)
                    .latestVersion()
                    .singleResult();
            if (definition == null) {
                throw new IllegalStateException("Process " + key + " is not deployed");
            }
            Integer ttl = definition.getHistoryTimeToLive();
            definitions.put(
                    key,
                    new Definition(
                            key,
                            definition.getId(),
                            ttl == null ? 3650 : ttl,
                            repository.getBpmnModelInstance(definition.getId())));
        }
        processes = new BulkInsert(
                dataSource,
                "act_hi_procinst",
                "id_",
                "proc_inst_id_",
                "business_key_",
                "proc_def_key_",
                "proc_def_id_",
                "start_time_",
                "end_time_",
                "removal_time_",
                "duration_",
                "start_user_id_",
                "start_act_id_",
                "end_act_id_",
                "root_proc_inst_id_",
                "state_");
        activities = new BulkInsert(
                dataSource,
                "act_hi_actinst",
                "id_",
                "parent_act_inst_id_",
                "proc_def_key_",
                "proc_def_id_",
                "root_proc_inst_id_",
                "proc_inst_id_",
                "execution_id_",
                "act_id_",
                "task_id_",
                "act_name_",
                "act_type_",
                "assignee_",
                "start_time_",
                "end_time_",
                "duration_",
                "act_inst_state_",
                "sequence_counter_",
                "removal_time_");
        tasks = new BulkInsert(
                dataSource,
                "act_hi_taskinst",
                "id_",
                "task_def_key_",
                "proc_def_key_",
                "proc_def_id_",
                "root_proc_inst_id_",
                "proc_inst_id_",
                "execution_id_",
                "act_inst_id_",
                "name_",
                "assignee_",
                "start_time_",
                "end_time_",
                "duration_",
                "delete_reason_",
                "priority_",
                "due_date_",
                "removal_time_",
                "task_state_");
    }

    Trail start(String processKey, String businessKey, String startUser, String startActivity, Instant at) {
        return new Trail(definitions.get(processKey), businessKey, startUser, startActivity, at);
    }

    long rows() {
        return processes.written() + activities.written() + tasks.written();
    }

    @Override
    public void close() {
        processes.close();
        activities.close();
        tasks.close();
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    /** One finished process instance, activity by activity; written by {@link #end}. */
    final class Trail {

        private final Definition definition;
        private final String instanceId = id();
        private final String businessKey;
        private final String startUser;
        private final String startActivity;
        private final Instant started;
        private final List<Object[]> activityRows = new ArrayList<>();
        private final List<Object[]> taskRows = new ArrayList<>();
        private long sequence;

        /** A scope: the instance itself or an embedded subprocess, with its activity instance and execution. */
        record Scope(String activityInstanceId, String executionId, Object[] row) {}

        private Trail(Definition definition, String businessKey, String startUser, String startActivity, Instant at) {
            this.definition = definition;
            this.businessKey = businessKey;
            this.startUser = startUser;
            this.startActivity = startActivity;
            this.started = at;
        }

        Scope root() {
            return new Scope(instanceId, instanceId, null);
        }

        /** The instance's id: our row names it (process_instance_id), as the engine's start does. */
        String instanceId() {
            return instanceId;
        }

        /** An activity that started and ended; its activity instance id. */
        String pass(Scope scope, String activityId, Instant start, Instant end) {
            return row(scope, activityId, start, end, stateOf(activityId), null, null)
                    .toString();
        }

        String cancel(Scope scope, String activityId, Instant start, Instant end) {
            return row(scope, activityId, start, end, CANCELED, null, null).toString();
        }

        /** A user task; {@code completed} false: cancelled by a boundary event, a withdrawal or the end of its scope. */
        void task(
                Scope scope,
                String activityId,
                String name,
                String assignee,
                Instant start,
                Instant end,
                Instant due,
                boolean completed) {
            String taskId = id();
            String activityInstanceId = row(
                            scope, activityId, start, end, completed ? PASSED : CANCELED, taskId, assignee)
                    .toString();
            taskRows.add(new Object[] {
                taskId,
                activityId,
                definition.key(),
                definition.id(),
                instanceId,
                instanceId,
                scope.executionId(),
                activityInstanceId,
                name,
                assignee,
                ts(start),
                ts(end),
                Duration.between(start, end).toMillis(),
                completed ? "completed" : "deleted",
                50,
                ts(due),
                null,
                completed ? "Completed" : "Deleted"
            });
        }

        Scope enter(Scope parent, String subProcessId, Instant start) {
            Object[] row = rowArray(parent, subProcessId, start, null, PASSED, null, null);
            activityRows.add(row);
            return new Scope((String) row[0], id(), row);
        }

        void leave(Scope scope, Instant end, int state) {
            scope.row()[13] = ts(end);
            scope.row()[14] = Duration.between(((Timestamp) scope.row()[12]).toInstant(), end)
                    .toMillis();
            scope.row()[15] = state;
        }

        /** The instance ended here: its rows join the batches, with the removal time the engine sets. */
        void end(String endActivity, Instant end) {
            Timestamp removal = ts(end.plus(Duration.ofDays(definition.historyDays())));
            for (Object[] row : activityRows) {
                row[17] = removal;
                activities.add(row);
            }
            for (Object[] row : taskRows) {
                row[16] = removal;
                tasks.add(row);
            }
            processes.add(
                    instanceId,
                    instanceId,
                    businessKey,
                    definition.key(),
                    definition.id(),
                    ts(started),
                    ts(end),
                    removal,
                    Duration.between(started, end).toMillis(),
                    startUser,
                    startActivity,
                    endActivity,
                    instanceId,
                    "COMPLETED");
        }

        private Object row(
                Scope scope, String activityId, Instant start, Instant end, int state, String taskId, String assignee) {
            Object[] row = rowArray(scope, activityId, start, end, state, taskId, assignee);
            activityRows.add(row);
            return row[0];
        }

        private Object[] rowArray(
                Scope scope, String activityId, Instant start, Instant end, int state, String taskId, String assignee) {
            FlowNode node = definition.model().getModelElementById(activityId);
            if (node == null) {
                throw new IllegalArgumentException(definition.key() + " has no activity " + activityId);
            }
            sequence += 2;
            // The engine's form, « <activity>:<uuid> », or the uuid alone where that exceeds ID_'s 64 characters.
            String uuid = id();
            String activityInstanceId = activityId.length() + 1 + uuid.length() <= 64 ? activityId + ":" + uuid : uuid;
            return new Object[] {
                activityInstanceId,
                scope.activityInstanceId(),
                definition.key(),
                definition.id(),
                instanceId,
                instanceId,
                scope.executionId(),
                activityId,
                taskId,
                node.getName(),
                typeOf(node),
                assignee,
                ts(start),
                ts(end),
                end == null ? null : Duration.between(start, end).toMillis(),
                state,
                sequence,
                null
            };
        }

        private int stateOf(String activityId) {
            FlowNode node = definition.model().getModelElementById(activityId);
            if (node instanceof EndEvent) {
                return COMPLETED_SCOPE;
            }
            return node instanceof ParallelGateway ? JOINED : PASSED;
        }
    }

    /** The activity type the engine records (ActivityTypes), from the model's element. */
    static String typeOf(FlowNode node) {
        if (node instanceof StartEvent start) {
            return has(start.getEventDefinitions(), MessageEventDefinition.class)
                    ? ActivityTypes.START_EVENT_MESSAGE
                    : ActivityTypes.START_EVENT;
        }
        if (node instanceof EndEvent end) {
            if (has(end.getEventDefinitions(), TerminateEventDefinition.class)) {
                return ActivityTypes.END_EVENT_TERMINATE;
            }
            return has(end.getEventDefinitions(), EscalationEventDefinition.class)
                    ? ActivityTypes.END_EVENT_ESCALATION
                    : ActivityTypes.END_EVENT_NONE;
        }
        if (node instanceof BoundaryEvent boundary) {
            if (has(boundary.getEventDefinitions(), TimerEventDefinition.class)) {
                return ActivityTypes.BOUNDARY_TIMER;
            }
            return has(boundary.getEventDefinitions(), MessageEventDefinition.class)
                    ? ActivityTypes.BOUNDARY_MESSAGE
                    : ActivityTypes.BOUNDARY_ESCALATION;
        }
        if (node instanceof IntermediateCatchEvent event) {
            return has(event.getEventDefinitions(), TimerEventDefinition.class)
                    ? ActivityTypes.INTERMEDIATE_EVENT_TIMER
                    : ActivityTypes.INTERMEDIATE_EVENT_MESSAGE;
        }
        if (node instanceof ExclusiveGateway) {
            return ActivityTypes.GATEWAY_EXCLUSIVE;
        }
        if (node instanceof ParallelGateway) {
            return ActivityTypes.GATEWAY_PARALLEL;
        }
        if (node instanceof EventBasedGateway) {
            return ActivityTypes.GATEWAY_EVENT_BASED;
        }
        if (node instanceof Activity) {
            // userTask, serviceTask, businessRuleTask, sendTask, subProcess: the element's own name.
            return node.getElementType().getTypeName();
        }
        throw new IllegalArgumentException("No history type for " + node.getId());
    }

    private static boolean has(java.util.Collection<EventDefinition> definitions, Class<?> type) {
        return definitions.stream().anyMatch(type::isInstance);
    }
}
