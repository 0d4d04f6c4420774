package fr.defense.rapid.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * JSON for a page's {@code <script type="application/json">} block: {@code <}, {@code >} and
 * {@code &} are written as {@code \\u003c}… so that no value (a company name typed by an SME, a
 * file name) can close the block or open a comment. These characters only occur inside JSON
 * strings, where the escape means the same thing.
 */
@Component
class ScriptJson {

    private final ObjectMapper json;

    ScriptJson(ObjectMapper json) {
        this.json = json;
    }

    String of(Object value) {
        try {
            return json.writeValueAsString(value)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not writable as JSON: " + value.getClass(), e);
        }
    }
}
