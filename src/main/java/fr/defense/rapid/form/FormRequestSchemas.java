package fr.defense.rapid.form;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI request schemas of the SME API, generated from the same {@code .form} files the
 * server validates with: one definition of the fields, whoever reads it (form-js in the browser,
 * the validator on the server, a client reading the API description).
 */
@Component
class FormRequestSchemas implements OperationCustomizer {

    private static final String APPLICANT = "${applicant}";

    private final FormCatalog forms;
    private final RepositoryService repository;

    FormRequestSchemas(FormCatalog forms, RepositoryService repository) {
        this.forms = forms;
        this.repository = repository;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Arrays.stream(handler.getMethodParameters())
                .map(parameter -> parameter.getParameterAnnotation(FormBody.class))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(body -> operation.requestBody(new RequestBody()
                        .required(true)
                        .description(
                                body.value().isEmpty()
                                        ? "Les champs du formulaire de la tâche (GET /api/tasks/{taskId}/form) : l'un de ceux-ci."
                                        : "Les champs du formulaire « " + body.value() + " », règles comprises.")
                        .content(new Content()
                                .addMediaType(
                                        org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                                        new MediaType().schema(schema(body))))));
        return operation;
    }

    private Schema<?> schema(FormBody body) {
        if (!body.value().isEmpty()) {
            return schema(forms.get(body.value()));
        }
        ComposedSchema oneOf = new ComposedSchema();
        smeTaskForms().forEach(form -> oneOf.addOneOfItem(schema(forms.get(form))));
        return oneOf;
    }

    /** The forms of the user tasks the models assign to the SME ({@code camunda:assignee="${applicant}"}). */
    List<String> smeTaskForms() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream()
                .flatMap(definition ->
                        repository
                                .getBpmnModelInstance(definition.getId())
                                .getModelElementsByType(UserTask.class)
                                .stream())
                .filter(task -> APPLICANT.equals(task.getCamundaAssignee()) && task.getCamundaFormRef() != null)
                .map(UserTask::getCamundaFormRef)
                .distinct()
                .sorted()
                .toList();
    }

    static Schema<?> schema(FormDefinition form) {
        ObjectSchema schema = new ObjectSchema();
        schema.title(form.id());
        schema.additionalProperties(false);
        for (FormField field : form.fields()) {
            Schema<?> property = property(field);
            property.title(field.displayName());
            if (field.required() && field.hide() != null) {
                property.description(
                        "Obligatoire quand le champ est affiché (il est masqué si : " + field.hide() + ").");
            } else if (field.hide() != null) {
                property.description("Masqué si : " + field.hide() + " (une valeur envoyée reste contrôlée).");
            }
            schema.addProperty(field.key(), property);
            if (field.required() && field.hide() == null) {
                schema.addRequiredItem(field.key());
            }
        }
        return schema;
    }

    private static Schema<?> property(FormField field) {
        return switch (field.type()) {
            case "number" -> {
                Schema<?> number = Integer.valueOf(0).equals(field.decimalDigits())
                        ? new IntegerSchema().format("int64")
                        : new NumberSchema();
                number.minimum(field.min());
                number.maximum(field.max());
                yield number;
            }
            case "checkbox" -> new BooleanSchema();
            case "select", "radio" -> {
                StringSchema choice = new StringSchema();
                if (field.allowedValues() != null) {
                    choice._enum(field.allowedValues());
                }
                yield choice;
            }
            case "datetime" -> new StringSchema().format("date");
            default -> {
                StringSchema text = new StringSchema();
                text.minLength(field.minLength());
                text.maxLength(field.maxLength());
                text.pattern(field.pattern());
                yield text;
            }
        };
    }
}
