package fr.defense.rapid.dashboard;

import fr.defense.rapid.dashboard.Figures.GroupWork;
import fr.defense.rapid.dashboard.Figures.TaskLink;
import fr.defense.rapid.dashboard.Figures.WorkFigures;
import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.procedure.Procedure;
import fr.defense.rapid.security.Groups;
import fr.defense.rapid.system.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Open and overdue staff tasks now: the engine's runtime tables read in a few grouped queries (a
 * task's candidate groups are its {@code candidate} identity links), whatever the number of tasks.
 * Staff tasks are those offered to a group; the SMEs' own tasks (assigned to them) are not staff
 * work. Overdue: a due date before now on the engine clock.
 */
@Component
class WorkDashboard {

    static final int OVERDUE_LISTED = 50;

    /** A task offered to at least one group. */
    private static final String STAFF_TASK = "exists (select 1 from act_ru_identitylink c where c.task_id_ = t.id_"
            + " and c.type_ = 'candidate' and c.group_id_ is not null)";

    private static final String TASK_COLUMNS =
            "t.id_ as task_id, t.name_ as task_name, t.create_time_ as created, t.due_date_ as due,"
                    + " p.business_key_ as business_key";

    private final JdbcClient jdbc;
    private final IdentityService identity;

    WorkDashboard(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    WorkFigures figures() {
        OffsetDateTime now = EngineClock.now();
        // Engine dates are timestamps without time zone, bound as the engine binds them.
        Map<String, Object> clock =
                Map.of("now", new Timestamp(ClockUtil.getCurrentTime().getTime()));
        long[] totals = jdbc.sql("select count(*) as open_tasks,"
                        + " count(case when t.due_date_ < :now then 1 end) as overdue from act_ru_task t where "
                        + STAFF_TASK)
                .params(clock)
                .query((rs, row) -> new long[] {rs.getLong("open_tasks"), rs.getLong("overdue")})
                .single();
        Map<String, TaskLink> oldest = new HashMap<>();
        jdbc.sql("select * from (select l.group_id_ as group_id, " + TASK_COLUMNS + ","
                        + " row_number() over (partition by l.group_id_ order by t.create_time_, t.id_) as position"
                        + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
                        + " left join act_ru_execution p on p.id_ = t.proc_inst_id_"
                        + " where l.type_ = 'candidate' and l.group_id_ is not null) o where o.position = 1")
                .query(rs -> {
                    oldest.put(rs.getString("group_id"), link(rs, now));
                });
        List<GroupWork> groups = jdbc.sql("select l.group_id_ as group_id, count(*) as open_tasks,"
                        + " count(case when t.due_date_ < :now then 1 end) as overdue"
                        + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
                        + " where l.type_ = 'candidate' and l.group_id_ is not null group by l.group_id_")
                .params(clock)
                .query((rs, row) -> new GroupWork(
                        rs.getString("group_id"),
                        null,
                        rs.getLong("open_tasks"),
                        rs.getLong("overdue"),
                        oldest.get(rs.getString("group_id"))))
                .list();
        Map<String, GroupWork> byGroup = new HashMap<>();
        groups.forEach(group -> byGroup.put(group.groupId(), group));
        // The staff groups in a fixed order, idle ones included (charts keep their colours); then any other.
        List<String> ids = Stream.concat(
                        Groups.TASK_WORKERS.stream(),
                        byGroup.keySet().stream()
                                .filter(id -> !Groups.TASK_WORKERS.contains(id))
                                .sorted())
                .toList();
        Map<String, String> names = names(ids);
        List<TaskLink> overdue = jdbc.sql("select " + TASK_COLUMNS
                        + " from act_ru_task t left join act_ru_execution p on p.id_ = t.proc_inst_id_"
                        + " where t.due_date_ < :now and " + STAFF_TASK
                        + " order by t.due_date_, t.id_ fetch first " + OVERDUE_LISTED + " rows only")
                .params(clock)
                .query((rs, row) -> link(rs, now))
                .list();
        return new WorkFigures(
                totals[0],
                totals[1],
                ids.stream()
                        .map(id -> {
                            GroupWork found = byGroup.getOrDefault(id, new GroupWork(id, null, 0, 0, null));
                            return new GroupWork(
                                    id, names.getOrDefault(id, id), found.open(), found.overdue(), found.oldest());
                        })
                        .toList(),
                overdue);
    }

    /** The groups' names (« Experts techniques DGA ») in one query; the id when a group has none. */
    private Map<String, String> names(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        identity.createGroupQuery().groupIdIn(ids.toArray(String[]::new)).list().stream()
                .filter(group -> group.getName() != null && !group.getName().isBlank())
                .forEach(group -> names.put(group.getId(), group.getName()));
        return names;
    }

    private static TaskLink link(ResultSet rs, OffsetDateTime now) throws SQLException {
        OffsetDateTime created = EngineClock.utc(rs.getTimestamp("created"));
        String businessKey = rs.getString("business_key");
        return new TaskLink(
                rs.getString("task_id"),
                rs.getString("task_name"),
                businessKey,
                created,
                EngineClock.utc(rs.getTimestamp("due")),
                Duration.between(created, now).toMillis() / 86_400_000.0,
                "/camunda/app/tasklist/default/#/?task=" + rs.getString("task_id"),
                fileUrl(businessKey));
    }

    /** The case's staff file (StaffFileController), for a case of ours. */
    private static String fileUrl(String businessKey) {
        return CaseReference.of(businessKey)
                .map(reference -> (reference.procedure() == Procedure.RAPID ? "/staff/dossiers/" : "/staff/mediations/")
                        + reference.value())
                .orElse(null);
    }
}
