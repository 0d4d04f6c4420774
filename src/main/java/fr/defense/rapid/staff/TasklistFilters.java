package fr.defense.rapid.staff;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, in every profile, in this order: « Tâches de mes groupes » first (where the
 * work arrives, so it is what Tasklist opens on), « Mes tâches », « En retard ». A row shows the
 * task's name, which carries the case number and the company (see TaskNames), and its deadline.
 *
 * <p>Made or brought up to date at each start. Nodes of a cluster start together: a filter
 * another node saved meanwhile is left to it (optimistic locking), and should two have created the
 * same filter, the oldest is kept and the others deleted.
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    static final String GROUP_TASKS = "Tâches de mes groupes";
    static final String MY_TASKS = "Mes tâches";
    static final String OVERDUE = "En retard";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        FilterService filters = engine.getFilterService();
        var tasks = engine.getTaskService();
        save(
                filters,
                GROUP_TASKS,
                -10,
                "Les tâches des groupes dont vous êtes membre, prises en charge ou non",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks());
        save(
                filters,
                MY_TASKS,
                -5,
                "Les tâches que vous avez prises en charge",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        save(
                filters,
                OVERDUE,
                0,
                "Les tâches de vos groupes dont l'échéance est passée",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
    }

    private static void save(FilterService filters, String name, int priority, String description, TaskQuery query) {
        List<Filter> same = filters.createFilterQuery().filterName(name).list().stream()
                .sorted(Comparator.comparing(Filter::getId))
                .toList();
        same.stream().skip(1).forEach(duplicate -> filters.deleteFilter(duplicate.getId()));
        Filter filter = same.isEmpty() ? filters.newTaskFilter(name) : same.get(0);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        filter.setQuery(query);
        filter.setProperties(properties);
        try {
            filters.saveFilter(filter);
        } catch (OptimisticLockingException savedByAnotherNode) {
            log.info("Filter « {} » was saved by another node meanwhile", name);
        }
    }
}
