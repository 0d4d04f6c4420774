package fr.defense.rapid.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The SME API's OpenAPI description: its title and version, HTTP Basic (so that Swagger UI's
 * "Try it out" works: a Basic request needs no CSRF token), and the answers every operation may
 * give besides its success, as RFC 7807 problem documents in French (see ApiProblems).
 */
@Configuration
class ApiDescription {

    private static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";

    @Bean
    OpenAPI rapidOpenApi(ObjectProvider<BuildProperties> build) {
        String version =
                build.getIfAvailable() == null ? "dev" : build.getIfAvailable().getVersion();
        return new OpenAPI()
                .info(new Info()
                        .title("rapid-bpm — API des PME")
                        .version(version)
                        .description(
                                "Dépôt et suivi des dossiers RAPID, saisine de la médiation, tâches de l'entreprise. "
                                        + "Identifiez-vous en HTTP Basic (compte PME) ; les erreurs sont des documents "
                                        + "application/problem+json en français."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** 400, 401, 403, 404 (on a case or task of the path), 409 (on a POST), 413: what ApiProblems answers. */
    @Bean
    OpenApiCustomizer documentedProblems() {
        return openApi -> openApi.getPaths()
                .forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                    add(
                            operation,
                            "400",
                            "Saisie ou paramètre invalide : un message par champ (errors), rien n'est enregistré.");
                    add(operation, "401", "Non identifié.");
                    add(operation, "403", "Profil sans accès à ce service (seules les PME y ont accès).");
                    if (path.contains("{")) {
                        add(
                                operation,
                                "404",
                                "Introuvable parmi les vôtres (le dossier, la demande ou la tâche d'un autre se lit ainsi).");
                    }
                    if (method == PathItem.HttpMethod.POST) {
                        add(
                                operation,
                                "409",
                                "Action impossible à ce stade, ou clé Idempotency-Key déjà servie avec d'autres valeurs.");
                        add(operation, "413", "Corps de requête trop volumineux.");
                    }
                }));
    }

    private static void add(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        operation
                .getResponses()
                .addApiResponse(
                        status,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                "application/problem+json",
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static Schema<?> problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.properties(Map.of("field", new StringSchema(), "message", new StringSchema()));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 7807, en français");
        problem.addProperty("type", new StringSchema());
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(violation));
        return problem;
    }
}
