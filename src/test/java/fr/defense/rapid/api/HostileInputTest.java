package fr.defense.rapid.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.defense.rapid.attachment.Attachments;
import fr.defense.rapid.demo.SampleDossiers;
import fr.defense.rapid.support.AppTest;
import fr.defense.rapid.support.Http;
import fr.defense.rapid.support.LiveTasks;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker sends to the SME API and the engine's: bodies too big to read, error lists too
 * long to write, text that would show staff something else than what it holds, duplicate keys.
 * Each is refused with a clear French error naming the field, and nothing is created.
 */
@AppTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Attachments attachments;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        long dossiers = dossiers();
        String huge = "{\"companyName\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        Http.Response declared = http.post("pme-demo", "/api/dossiers", huge);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).startsWith("application/problem+json");
        assertThat(declared.json().path("detail").asText()).contains("dépasse 1024 Ko");

        // Without a declared length (chunked), the body is cut at the limit.
        HttpResponse<String> chunked = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/dossiers"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic " + Base64.getEncoder().encodeToString("pme-demo:pme-demo".getBytes()))
                                .POST(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("Requête trop volumineuse");

        // The engine's API has the same limit.
        assertThat(http.post("secretariat", "/engine-rest/task", huge).status()).isEqualTo(413);
        assertThat(dossiers()).isEqualTo(dossiers);
    }

    @Test
    void anErrorListNamesFiftyErrorsAndSaysHowManyMore() {
        Map<String, Object> body = new LinkedHashMap<>(SampleDossiers.smallCompany());
        for (int i = 0; i < 30_000; i++) {
            body.put("inconnu" + i, 1);
        }
        long dossiers = dossiers();
        Http.Response refused = http.post("pme-demo", "/api/dossiers", body);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors")).hasSize(50);
        assertThat(refused.json().path("moreErrors").asInt()).isEqualTo(30_000 - 50);
        assertThat(refused.json().path("detail").asText()).contains("29950 autres");
        assertThat(refused.body().length()).isLessThan(20_000);
        assertThat(dossiers()).isEqualTo(dossiers);
    }

    static Stream<Arguments> deceivingText() {
        return Stream.of(
                Arguments.of("companyName", "Optronique\u0000 du Lac", "U+0000"),
                Arguments.of("companyName", "Optronique\tdu Lac", "U+0009"),
                Arguments.of("projectTitle", "Capteur \u202Eevissap\u202C infrarouge", "U+202E"),
                Arguments.of("contactName", "Claire \u2066Martin\u2069", "U+2066"),
                Arguments.of("defenceApplication", "Détection \u0007 de drones", "U+0007"),
                Arguments.of("contactName", "Claire \uD800Martin", "U+D800"));
    }

    @ParameterizedTest(name = "{0} with {2}")
    @MethodSource("deceivingText")
    void textThatWouldDeceiveStaffIsRefusedNamingTheField(String field, String value, String codePoint)
            throws Exception {
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put(field, value);
        long dossiers = dossiers();
        // A lone surrogate cannot be encoded in UTF-8: it travels as a JSON escape, as an attacker would send it.
        String json = JSON.writeValueAsString(dossier).replace("\uD800", "\\ud800");
        Http.Response refused = http.post("pme-demo", "/api/dossiers", json);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(refused.json().path("errors").get(0).path("message").asText())
                .contains(codePoint);
        assertThat(dossiers()).isEqualTo(dossiers);
    }

    @Test
    void lineBreaksAndTabsAreTextInAMultiLineField() {
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put("defenceApplication", "Détection de drones :\n\t- de jour ;\r\n\t- de nuit.");
        assertThat(http.post("pme-demo", "/api/dossiers", dossier).status()).isEqualTo(201);
    }

    @Test
    void aKeySentTwiceIsRefusedNamingIt() throws Exception {
        String valid = JSON.writeValueAsString(SampleDossiers.smallCompany());
        String twice = valid.replaceFirst("\\{", "{\"companyName\":\"Autre société\",");
        long dossiers = dossiers();
        Http.Response refused = http.post("pme-demo", "/api/dossiers", twice);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asText()).isEqualTo("companyName");
        assertThat(refused.json().path("errors").get(0).path("message").asText())
                .contains("deux fois");
        assertThat(dossiers()).isEqualTo(dossiers);
    }

    @Test
    void textIsStoredInComposedForm() {
        String decomposed = "Se\u0301curite\u0301 Optique";
        Map<String, Object> dossier = SampleDossiers.smallCompany();
        dossier.put("companyName", decomposed);
        Http.Response created = http.post("pme-demo", "/api/dossiers", dossier);
        assertThat(created.status()).isEqualTo(201);
        String number = created.json().path("dossierNumber").asText();
        String composed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        assertThat(composed).isNotEqualTo(decomposed);
        assertThat(http.get("pme-demo", "/api/dossiers/" + number)
                        .json()
                        .path("companyName")
                        .asText())
                .isEqualTo(composed);
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .variableName("companyName")
                        .processInstanceIdIn(engine.getRuntimeService()
                                .createProcessInstanceQuery()
                                .processInstanceBusinessKey(number)
                                .singleResult()
                                .getId())
                        .singleResult()
                        .getValue())
                .isEqualTo(composed);
    }

    @Test
    void staffCannotSlipDeceivingTextIntoAFormEither() {
        Task decision = new LiveTasks(engine, attachments).dossierAt("CommitteeDecision");
        Map<String, Object> variables = Map.of(
                "decision", Map.of("value", "REJECTED"),
                "decisionMotivation", Map.of("value", "Projet \u202Eéjeter\u202C hors du périmètre de défense."));
        http.post("committee", "/engine-rest/task/" + decision.getId() + "/claim", Map.of("userId", "committee"));
        Http.Response refused = http.post(
                "committee", "/engine-rest/task/" + decision.getId() + "/complete", Map.of("variables", variables));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("U+202E");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(decision.getId())
                        .count())
                .isEqualTo(1);
    }

    @Test
    void everyErrorUnderTheApiIsAFrenchProblemDocument() {
        Map<String, Http.Response> errors = new LinkedHashMap<>();
        errors.put("404 unknown address", http.get("pme-demo", "/api/nulle-part"));
        errors.put("405 method", http.request("pme-demo", "DELETE", "/api/dossiers", null, null));
        // A POST no page could send cross-site is the only one exempt from CSRF with HTTP Basic.
        errors.put(
                "403 a form's POST",
                http.request(
                        "pme-demo", "POST", "/api/dossiers", "text/plain", "bonjour".getBytes(StandardCharsets.UTF_8)));
        errors.put("400 encoded slash", http.get("pme-demo", "/api/dossiers/RAPID%2F2026"));
        errors.put("404 error page asked directly", http.get(null, "/error"));
        errors.forEach((what, response) -> {
            assertThat(response.status()).as(what).isEqualTo(Integer.parseInt(what.substring(0, 3)));
            assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
            assertThat(response.json().path("title").asText())
                    .as(what)
                    .isIn(
                            "Introuvable",
                            "Méthode non permise",
                            "Format non accepté",
                            "Requête refusée",
                            "Jeton CSRF manquant ou invalide");
            assertThat(response.json().path("status").asInt()).as(what).isEqualTo(response.status());
        });
    }

    private long dossiers() {
        return jdbc.sql("select count(*) from dossier").query(Long.class).single();
    }
}
