package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Applicants' text reaches staff forms as text. A Camunda Form shows variables in its text blocks
 * through templates ({@code **Dossier {{dossierNumber}}** — {{companyName}}}), rendered as Markdown
 * and then HTML: a company name such as {@code <img src=x>} or {@code ![](http://…)} would become
 * an image or a link in Tasklist. So the string variables a task's form templates in its text
 * blocks leave the engine's form-variables call with their Markdown and HTML punctuation escaped.
 * Input fields keep their values as they are (what staff submit is what they saw typed), and so do
 * the variables the form's conditions compare ({@code =subject != "LATE_PAYMENT"}).
 *
 * <p>The same response also carries the case's display values ({@link FormDisplayValues}) that the
 * form's templates name, as {@code Json} variables (Tasklist parses them into objects for form-js),
 * with every string inside escaped the same way. They are computed from our tables at each opening
 * and never stored in the engine.
 */
@Component
class TemplatedTextEscaping extends ResponseRewriting {

    private static final Pattern FORM_VARIABLES =
            Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");
    /** CommonMark lets a backslash escape any ASCII punctuation: the character is then shown as is. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern PUNCTUATION = Pattern.compile("([!-/:-@\\[-`{-~])");

    private final TaskService tasks;
    private final IdentityService identity;
    private final FormCatalog catalog;
    private final ObjectMapper json;
    private final List<FormDisplayValues> displays;

    TemplatedTextEscaping(
            TaskService tasks,
            IdentityService identity,
            FormCatalog catalog,
            ObjectMapper json,
            List<FormDisplayValues> displays) {
        this.tasks = tasks;
        this.identity = identity;
        this.catalog = catalog;
        this.json = json;
        this.displays = displays;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !FORM_VARIABLES.matcher(path(request)).matches();
    }

    @Override
    protected byte[] rewrite(HttpServletRequest request, int status, String contentType, byte[] body)
            throws IOException {
        Matcher matcher = FORM_VARIABLES.matcher(path(request));
        Task task = status == 200 && matcher.matches() ? task(matcher.group(1)) : null;
        FormDefinition form = task == null ? null : form(task);
        Set<String> templated = form == null ? Set.of() : form.displayedOnly();
        if (templated.isEmpty()) {
            return body;
        }
        JsonNode variables = json.readTree(body);
        escapeTemplated(variables, templated);
        addDisplayValues((ObjectNode) variables, task, form.templated());
        return json.writeValueAsBytes(variables);
    }

    private Task task(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    }

    private FormDefinition form(Task task) {
        CamundaFormRef form = task.getCamundaFormRef();
        return form == null ? null : catalog.find(form.getKey()).orElse(null);
    }

    /**
     * Display values the form's templates name, unless a variable of the task already has that name.
     * The engine has just answered this user's call for the task's variables (200): the task is
     * theirs to read, and so is its case. The lookups behind the display values (the task's process
     * instance…) then run as the engine, outside the user's authorizations, which reach tasks but
     * not process instances; the user's authentication is put back afterwards.
     */
    private void addDisplayValues(ObjectNode variables, Task task, Set<String> named) throws IOException {
        Authentication user = identity.getCurrentAuthentication();
        Map<String, Object> values = new LinkedHashMap<>();
        identity.clearAuthentication();
        try {
            displays.forEach(display -> values.putAll(display.forTask(task)));
        } finally {
            if (user != null) {
                identity.setAuthentication(user);
            }
        }
        for (Map.Entry<String, Object> value : values.entrySet()) {
            if (named.contains(value.getKey()) && !variables.has(value.getKey())) {
                JsonNode escaped = escapeStrings(json.valueToTree(value.getValue()));
                ObjectNode variable = variables.putObject(value.getKey());
                variable.put("type", "Json");
                variable.put("value", json.writeValueAsString(escaped));
                variable.putObject("valueInfo");
            }
        }
    }

    static JsonNode escapeStrings(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(escape(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, escapeStrings(object.get(name))));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, escapeStrings(array.get(i)));
            }
        }
        return node;
    }

    /**
     * Escapes the templated variables: a string, and every string inside a JSON value (a {@code Json}
     * variable, or an object serialised as JSON), which templates may reach by path or loop.
     */
    static void escapeTemplated(JsonNode variables, Set<String> templated) throws IOException {
        Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode variable = entry.getValue();
            if (!templated.contains(entry.getKey())
                    || !variable.isObject()
                    || !variable.path("value").isTextual()) {
                continue;
            }
            String type = variable.path("type").asText();
            String text = variable.path("value").asText();
            if ("String".equals(type)) {
                ((ObjectNode) variable).put("value", escape(text));
            } else if ("Json".equals(type)
                    || "application/json"
                            .equals(variable.path("valueInfo")
                                    .path("serializationDataFormat")
                                    .asText())) {
                ((ObjectNode) variable).put("value", JSON.writeValueAsString(escapeStrings(JSON.readTree(text))));
            }
        }
    }

    static String escape(String text) {
        return PUNCTUATION.matcher(text).replaceAll("\\\\$1");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
