package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A refused form submission (Tasklist's submit-form, engine REST's) carries our French message,
 * but the engine puts its own English words in front: « Cannot submit task form 5f1…: le champ
 * « Avis motivé » est obligatoire. ». Staff read only the message: the prefix is taken off.
 */
@Component
class SubmitFormErrors extends ResponseRewriting {

    private static final Pattern ENGINE_PREFIX =
            Pattern.compile("^(?:Cannot submit task form|Cannot instantiate process definition) \\S+: ");

    private final ObjectMapper json;

    SubmitFormErrors(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().endsWith("/submit-form");
    }

    @Override
    protected byte[] rewrite(HttpServletRequest request, int status, String contentType, byte[] body)
            throws IOException {
        if (status < 400 || !isJson(contentType)) {
            return body;
        }
        JsonNode problem = json.readTree(body);
        if (problem instanceof ObjectNode object && object.path("message").isTextual()) {
            object.put("message", withoutEnginePrefix(object.path("message").asText()));
            return json.writeValueAsBytes(object);
        }
        return body;
    }

    static String withoutEnginePrefix(String message) {
        return ENGINE_PREFIX.matcher(message).replaceFirst("");
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.contains("json");
    }
}
