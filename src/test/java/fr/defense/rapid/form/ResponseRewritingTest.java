package fr.defense.rapid.form;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the two rewrites of the engine's answers do to a body, without a server. */
class ResponseRewritingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEnginesEnglishPrefixIsTakenOffARefusedTaskOrStartForm() {
        assertThat(SubmitFormErrors.withoutEnginePrefix(
                        "Cannot submit task form 5f1c2e9a-ec64-11f1: le champ « Avis motivé » est obligatoire."))
                .isEqualTo("le champ « Avis motivé » est obligatoire.");
        // Process definition ids hold colons.
        assertThat(SubmitFormErrors.withoutEnginePrefix(
                        "Cannot instantiate process definition rapid-subsidy:3:9a7b: Saisie refusée : SIREN invalide."))
                .isEqualTo("Saisie refusée : SIREN invalide.");
        assertThat(SubmitFormErrors.withoutEnginePrefix("Saisie refusée : rien n'a été enregistré."))
                .isEqualTo("Saisie refusée : rien n'a été enregistré.");
    }

    @Test
    void everyStringATemplateCanReachIsEscapedEvenInsideAJsonVariable() throws Exception {
        JsonNode variables = JSON.readTree("""
                {
                  "companyName": {"type": "String", "value": "![x](http://e.invalid/)", "valueInfo": {}},
                  "partners": {"type": "Json", "value": "{\\"names\\": [\\"**Lab** <img>\\"]}", "valueInfo": {}},
                  "notShown": {"type": "String", "value": "*kept*", "valueInfo": {}}
                }
                """);

        TemplatedTextEscaping.escapeTemplated(variables, Set.of("companyName", "partners"));

        assertThat(variables.path("companyName").path("value").asText())
                .isEqualTo("\\!\\[x\\]\\(http\\:\\/\\/e\\.invalid\\/\\)");
        assertThat(JSON.readTree(variables.path("partners").path("value").asText())
                        .path("names")
                        .path(0)
                        .asText())
                .isEqualTo("\\*\\*Lab\\*\\* \\<img\\>");
        assertThat(variables.path("notShown").path("value").asText()).isEqualTo("*kept*");
    }
}
