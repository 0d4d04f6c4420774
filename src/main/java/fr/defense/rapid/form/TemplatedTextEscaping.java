package fr.defense.rapid.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applicants' text reaches staff forms as text. A Camunda Form shows variables in its text blocks
 * through templates ({@code **Dossier {{dossierNumber}}** — {{companyName}}}), rendered as Markdown
 * and then HTML: a company name such as {@code <img src=x>} or {@code ![](http://…)} would become
 * an image or a link in Tasklist. So the string variables a task's form templates in its text
 * blocks leave the engine's form-variables call with their Markdown and HTML punctuation escaped.
 * Input fields keep their values as they are (what staff submit is what they saw typed), and so do
 * the variables the form's conditions compare ({@code =subject != "LATE_PAYMENT"}).
 */
@Component
class TemplatedTextEscaping extends OncePerRequestFilter {

    private static final Pattern FORM_VARIABLES =
            Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/form-variables$");
    /** CommonMark lets a backslash escape any ASCII punctuation: the character is then shown as is. */
    private static final Pattern PUNCTUATION = Pattern.compile("([!-/:-@\\[-`{-~])");

    private final TaskService tasks;
    private final FormCatalog catalog;
    private final ObjectMapper json;

    TemplatedTextEscaping(TaskService tasks, FormCatalog catalog, ObjectMapper json) {
        this.tasks = tasks;
        this.catalog = catalog;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !FORM_VARIABLES.matcher(path(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        byte[] body = captured.getContentAsByteArray();
        if (captured.getStatus() == 200 && body.length > 0) {
            Matcher matcher = FORM_VARIABLES.matcher(path(request));
            Set<String> templated = matcher.matches() ? templatedByTaskForm(matcher.group(1)) : Set.of();
            if (!templated.isEmpty()) {
                JsonNode variables = json.readTree(body);
                escapeTemplated(variables, templated);
                body = json.writeValueAsBytes(variables);
            }
        }
        captured.resetBuffer();
        captured.setContentLength(body.length);
        captured.getOutputStream().write(body);
        captured.copyBodyToResponse();
    }

    /** The variables the task's form templates in its text blocks, but for its own input fields. */
    private Set<String> templatedByTaskForm(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        CamundaFormRef form = task == null ? null : task.getCamundaFormRef();
        return form == null
                ? Set.of()
                : catalog.find(form.getKey())
                        .map(TemplatedTextEscaping::templated)
                        .orElse(Set.of());
    }

    /**
     * What the form templates, but for its own input fields (shown in inputs, submitted back as they
     * are) and what its conditions compare (option values, never free text: escaped, they would no
     * longer compare equal).
     */
    static Set<String> templated(FormDefinition form) {
        Set<String> names = new HashSet<>(form.templated());
        form.fields().forEach(field -> names.remove(field.key()));
        names.removeAll(form.compared());
        return names;
    }

    static void escapeTemplated(JsonNode variables, Set<String> templated) {
        Iterator<Map.Entry<String, JsonNode>> entries = variables.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            JsonNode variable = entry.getValue();
            if (templated.contains(entry.getKey())
                    && variable.isObject()
                    && "String".equals(variable.path("type").asText())
                    && variable.path("value").isTextual()) {
                ((ObjectNode) variable)
                        .put("value", escape(variable.path("value").asText()));
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
