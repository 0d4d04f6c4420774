package fr.defense.rapid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.form.FormCatalog;
import fr.defense.rapid.form.FormField;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The SME API's OpenAPI description says what the server does: request bodies generated from the
 * forms the server validates with, the answers it really gives (problem documents included), a
 * title and a version, and HTTP Basic, with which Swagger UI's "Try it out" goes through.
 */
@AppTest
class ApiDescriptionTest {

    @LocalServerPort
    int port;

    @Autowired
    FormCatalog forms;

    @Test
    void requestBodiesAreTheFormsTheServerValidatesWith() {
        JsonNode api = api();
        JsonNode submit = api.at("/paths/~1api~1dossiers/post");
        JsonNode schema = submit.at("/requestBody/content/application~1json/schema");
        List<FormField> fields = forms.get("submit-dossier").fields();
        assertThat(names(schema.path("properties")))
                .containsExactlyInAnyOrderElementsOf(
                        fields.stream().map(FormField::key).toList());
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
        FormField aid = fields.stream()
                .filter(f -> f.key().equals("requestedAidEur"))
                .findFirst()
                .orElseThrow();
        assertThat(schema.at("/properties/requestedAidEur/type").asText()).isEqualTo("integer");
        assertThat(schema.at("/properties/requestedAidEur/minimum").decimalValue())
                .isEqualByComparingTo(aid.min());
        FormField research = fields.stream()
                .filter(f -> f.key().equals("researchType"))
                .findFirst()
                .orElseThrow();
        assertThat(texts(schema.at("/properties/researchType/enum")))
                .containsExactlyElementsOf(research.allowedValues());
        assertThat(texts(schema.path("required")))
                .containsAll(fields.stream()
                        .filter(f -> f.required() && f.hide() == null)
                        .map(FormField::key)
                        .toList());

        JsonNode complete =
                api.at("/paths/~1api~1tasks~1{taskId}~1complete/post/requestBody/content/application~1json/schema");
        assertThat(texts(complete.path("oneOf"), "title"))
                .contains("provide-complements", "accept-agreement", "rate-mediation", "withdraw-mediation");
    }

    @Test
    void theRealAnswersAreDescribedWithATitleAndAVersion() {
        JsonNode api = api();
        assertThat(api.at("/info/title").asText()).isEqualTo("rapid-bpm — API des PME");
        assertThat(api.at("/info/version").asText()).isNotIn("", "v0", "dev").startsWith("0.1.0");
        JsonNode responses = api.at("/paths/~1api~1dossiers/post/responses");
        assertThat(names(responses)).contains("200", "201", "400", "401", "403", "409");
        assertThat(responses
                        .at("/409/content/application~1problem+json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(names(api.at("/paths/~1api~1mediations~1{caseNumber}/get/responses")))
                .contains("200", "404");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void swaggerUisTryItOutWithBasicAuthenticationGoesThrough() {
        // What Swagger UI sends once "Authorize" is filled in: Basic, JSON, no CSRF token.
        Http.Response created = new Http(port).post("pme-demo", "/api/dossiers", SampleDossiers.smallCompany());
        assertThat(created.status()).isEqualTo(201);
    }

    private JsonNode api() {
        Http.Response response = new Http(port).get(null, "/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.path(field).asText()));
        return texts;
    }
}
