package fr.defense.rapid.task;

import static fr.defense.rapid.system.EngineClock.utc;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.form.FormBody;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormDefinition;
import fr.defense.rapid.form.FormField;
import fr.defense.rapid.procedure.CaseOwners;
import fr.defense.rapid.procedure.CaseReference;
import fr.defense.rapid.security.ActingUser;
import fr.defense.rapid.security.CurrentUser;
import fr.defense.rapid.system.Messages;
import fr.defense.rapid.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tasks of the calling SME's company (assigned to whichever of its users filed the case), with
 * the very Camunda Form Tasklist would show and the same rules on completion. Another company's task
 * answers 404, as if it did not exist.
 */
@RestController
@RequestMapping("/api/tasks")
@Tag(
        name = "Tâches",
        description =
                "Ce que l'entreprise connectée doit faire : compléments, convention, prolongation de médiation, enquête…")
class TaskController {

    /** Variables a form's text shows through form-js templates, e.g. {@code {{dossierNumber}}}. */
    private final TaskService tasks;

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final FormCatalog forms;
    private final CaseOwners owners;
    private final TransactionTemplate transaction;

    TaskController(
            TaskService tasks,
            RuntimeService runtime,
            IdentityService identity,
            FormCatalog forms,
            CaseOwners owners,
            PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.identity = identity;
        this.forms = forms;
        this.owners = owners;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A task of a RAPID dossier carries its dossierNumber, a task of a mediation case its caseNumber. */
    record TaskSummary(
            String id,
            String name,
            String dossierNumber,
            String caseNumber,
            OffsetDateTime dueDate,
            OffsetDateTime created) {
        static TaskSummary of(Task task, String businessKey) {
            boolean mediation = CaseReference.isMediation(businessKey);
            return new TaskSummary(
                    task.getId(),
                    task.getName(),
                    mediation ? null : businessKey,
                    mediation ? businessKey : null,
                    utc(task.getDueDate()),
                    utc(task.getCreateTime()));
        }
    }

    /**
     * @param values        the form's fields and what its texts show, as data (unescaped)
     * @param displayedOnly the values the form only shows through its texts' templates: a page
     *                      rendering the form escapes their Markdown and HTML punctuation first
     */
    record TaskForm(
            String taskId, String formId, JsonNode schema, Map<String, Object> values, Set<String> displayedOnly) {}

    @GetMapping
    @Operation(summary = "Mes tâches ouvertes, les plus urgentes d'abord")
    List<TaskSummary> list(Authentication authentication) {
        List<Task> open = tasks.createTaskQuery()
                .taskAssigneeIn(company(authentication))
                .orderByDueDate()
                .asc()
                .orderByTaskCreateTime()
                .asc()
                .list();
        Map<String, String> businessKeys = businessKeys(open);
        return open.stream()
                .map(task -> TaskSummary.of(task, businessKeys.get(task.getProcessInstanceId())))
                .toList();
    }

    @GetMapping("/{taskId}/form")
    @Operation(summary = "Le formulaire Camunda de la tâche et ses valeurs actuelles")
    TaskForm form(@PathVariable String taskId, Authentication authentication) {
        Task task = own(taskId, authentication);
        FormDefinition form = formOf(task);
        Set<String> shown = new TreeSet<>(form.templated());
        form.fields().stream().map(FormField::key).forEach(shown::add);
        Map<String, Object> variables = tasks.getVariables(task.getId(), shown);
        return new TaskForm(
                task.getId(), form.id(), form.schema(), new LinkedHashMap<>(variables), form.displayedOnly());
    }

    @PostMapping("/{taskId}/complete")
    @ApiResponse(responseCode = "204", description = "Tâche accomplie.")
    @Operation(
            summary = "Terminer la tâche avec les valeurs du formulaire",
            description = "Mêmes règles que le formulaire ; une saisie refusée ne change rien.")
    ResponseEntity<Void> complete(
            @PathVariable String taskId,
            @RequestBody @FormBody Map<String, Object> body,
            Authentication authentication) {
        Task task = own(taskId, authentication);
        FormDefinition form = formOf(task);
        // The engine applies the form's rules on completion (FormValidationPlugin) and refuses
        // any change outside the form; a refusal rolls back and answers 400 like any other.
        Map<String, Object> values = form.accept(body);
        CurrentUser user = CurrentUser.of(authentication);
        transaction.executeWithoutResult(status -> {
            if (!user.id().equals(task.getAssignee())) {
                // A colleague of the user the task waits for answers it: the task becomes his (the
                // history says who did it), in the same transaction, so a refused answer changes nothing.
                tasks.setAssignee(task.getId(), user.id());
            }
            ActingUser.run(identity, user.id(), user.groups(), () -> tasks.complete(task.getId(), values));
        });
        return ResponseEntity.noContent().build();
    }

    private Task own(String taskId, Authentication authentication) {
        Task task = tasks.createTaskQuery()
                .taskId(taskId)
                .taskAssigneeIn(company(authentication))
                .initializeFormKeys()
                .singleResult();
        if (task == null) {
            throw new NotFoundException(Messages.get("notFound.task", taskId));
        }
        return task;
    }

    private String[] company(Authentication authentication) {
        return owners.sharingWith(authentication.getName()).toArray(String[]::new);
    }

    private FormDefinition formOf(Task task) {
        return forms.get(task.getCamundaFormRef().getKey());
    }

    private Map<String, String> businessKeys(List<Task> open) {
        Set<String> ids = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return runtime.createProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey, (a, b) -> a));
    }
}
