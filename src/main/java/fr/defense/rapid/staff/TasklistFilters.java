package fr.defense.rapid.staff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * Tasklist's filters, in every profile, in this order: « Tâches de mes groupes » first (where the
 * work arrives, so it is what Tasklist opens on), « Mes tâches », « En retard ». A row shows the
 * task's name, which carries the case number and the company (see TaskNames), and its deadline.
 * Rows also name the project or the subject (filter variables) for those who may read process
 * instances (managers, administrators): task workers may not, by least rights, and Tasklist reads
 * row variables through the process instances. Created or brought up to date at each start.
 */
@Component
class TasklistFilters extends AbstractProcessEnginePlugin {

    static final String GROUP_TASKS = "Tâches de mes groupes";
    static final String MY_TASKS = "Mes tâches";
    static final String OVERDUE = "En retard";

    /** What a row shows under the task's name: the first variable the task has. */
    private static final List<Map<String, String>> ROW_VARIABLES = List.of(
            Map.of("name", "projectTitle", "label", "Projet"), Map.of("name", "subjectLabel", "label", "Objet"));

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
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", ROW_VARIABLES);
        filter.setQuery(query);
        filter.setProperties(properties);
        filters.saveFilter(filter);
    }
}
