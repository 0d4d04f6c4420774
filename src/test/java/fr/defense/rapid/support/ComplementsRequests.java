package fr.defense.rapid.support;

import static fr.defense.rapid.demo.SampleDossiers.completeness;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A dossier's complements request, as the running application makes it: over its REST APIs. */
public final class ComplementsRequests {

    private static final Duration ASYNC_STEP = Duration.ofSeconds(30);

    private ComplementsRequests() {}

    /**
     * The secretariat (over the engine REST API) finds the dossier incomplete, and waits until the SME
     * user {@code sme} sees the complements task: its id.
     */
    public static String requested(Http http, String number, String sme) {
        await().atMost(ASYNC_STEP).until(() -> secretariatTask(http, number) != null);
        String taskId = secretariatTask(http, number);
        assertThat(http.post("secretariat", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "secretariat"))
                        .status())
                .isEqualTo(204);
        Map<String, Object> variables = new HashMap<>();
        completeness(false).forEach((name, value) -> variables.put(name, Map.of("value", value)));
        assertThat(http.post("secretariat", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables))
                        .status())
                .isEqualTo(204);
        return await().atMost(ASYNC_STEP).until(() -> smeTaskId(http, sme, number), id -> id != null);
    }

    /** The id of the dossier's task in this SME user's list ({@code /api/tasks}), or null. */
    public static String smeTaskId(Http http, String user, String number) {
        for (JsonNode task : http.get(user, "/api/tasks").okJson()) {
            if (number.equals(task.path("dossierNumber").asText())) {
                return task.path("id").asText();
            }
        }
        return null;
    }

    private static String secretariatTask(Http http, String number) {
        JsonNode found = http.get(
                        "secretariat",
                        "/engine-rest/task?processInstanceBusinessKey=" + number
                                + "&taskDefinitionKey=CheckCompleteness")
                .okJson();
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }
}
