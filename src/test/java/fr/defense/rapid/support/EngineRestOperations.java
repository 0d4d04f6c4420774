package fr.defense.rapid.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The write operations (POST, PUT, DELETE) of Camunda's engine REST API, read from the OpenAPI
 * document Camunda publishes ({@code camunda-engine-rest-openapi}), each turned into a hostile
 * request against live ids: the path names a real task, instance, execution, definition…; the
 * body, built from the operation's own schema, tries to set variables ({@code applicant} to
 * another SME, {@code proposedAidEur} to 50 M€), delete them, hand the task to someone else,
 * correlate the withdrawal message, cancel the task by modification, skip listeners, and so on.
 */
public final class EngineRestOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final String BOUNDARY = "rapid-attack-boundary";

    /** The variable every operation that names one tries to set. */
    public static final String VARIABLE = "applicant";

    /**
     * The live ids an operation is aimed at: {@code task}, {@code instance}, {@code execution},
     * {@code businessKey}, {@code processKey}, {@code definition}, {@code deployment}, {@code job},
     * {@code jobDefinition}, {@code decisionDefinition}, {@code filter}, {@code authorization},
     * {@code user} (the caller), {@code taskKey}, {@code subscriptionExecution}, {@code message}.
     */
    public record Target(Map<String, String> ids) {
        String id(String name) {
            return ids.getOrDefault(name, "unknown-" + name);
        }
    }

    public record Operation(String method, String path, JsonNode spec, JsonNode components) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        /** The path with live ids, and every boolean query parameter set ({@code skipCustomListeners=true}…). */
        public String url(Target target) {
            Matcher parameters = PATH_PARAMETER.matcher(path);
            StringBuilder url = new StringBuilder();
            while (parameters.find()) {
                parameters.appendReplacement(
                        url,
                        Matcher.quoteReplacement(
                                URLEncoder.encode(pathValue(parameters.group(1), target), StandardCharsets.UTF_8)));
            }
            parameters.appendTail(url);
            List<String> query = new ArrayList<>();
            for (JsonNode parameter : spec.path("parameters")) {
                if ("query".equals(parameter.path("in").asText())
                        && "boolean"
                                .equals(parameter.path("schema").path("type").asText())) {
                    query.add(parameter.path("name").asText() + "=true");
                }
            }
            return query.isEmpty() ? url.toString() : url + "?" + String.join("&", query);
        }

        /** JSON, multipart or none, as the operation declares. */
        public String contentType() {
            JsonNode content = spec.path("requestBody").path("content");
            if (content.has("application/json")) {
                return "application/json";
            }
            if (content.has("multipart/form-data")) {
                return "multipart/form-data; boundary=" + BOUNDARY;
            }
            return null;
        }

        public byte[] body(Target target) {
            JsonNode content = spec.path("requestBody").path("content");
            try {
                if (content.has("application/json")) {
                    return JSON.writeValueAsBytes(
                            sample(content.path("application/json").path("schema"), "", target, 0));
                }
                if (content.has("multipart/form-data")) {
                    return multipart(content.path("multipart/form-data").path("schema"), target);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }

        private String pathValue(String parameter, Target target) {
            String resource = path.startsWith("/history/") ? "history" : path.split("/")[1];
            return switch (parameter) {
                case "varName" -> VARIABLE;
                case "userId" -> target.id("user");
                // Try to join the administrators' group.
                case "groupId" -> "camunda-admin";
                case "messageName" -> target.id("message");
                case "key" -> resource.startsWith("decision") ? "rapid-funding-rate" : target.id("processKey");
                case "id" ->
                    switch (resource) {
                        case "task" -> target.id("task");
                        case "process-instance", "history" -> target.id("instance");
                        case "execution" ->
                            path.contains("messageSubscriptions")
                                    ? target.id("subscriptionExecution")
                                    : target.id("execution");
                        case "process-definition" -> target.id("definition");
                        case "deployment" -> target.id("deployment");
                        case "job" -> target.id("job");
                        case "job-definition" -> target.id("jobDefinition");
                        case "decision-definition" -> target.id("decisionDefinition");
                        case "filter" -> target.id("filter");
                        case "authorization" -> target.id("authorization");
                        case "user" -> target.id("user");
                        case "group" -> "camunda-admin";
                        default -> "unknown-" + resource;
                    };
                default -> "unknown-" + parameter;
            };
        }

        private JsonNode sample(JsonNode schema, String name, Target target, int depth) {
            schema = resolve(schema);
            JsonNode chosen = byName(name, schema, target);
            if (chosen != null) {
                return chosen;
            }
            if (schema.has("allOf")) {
                ObjectNode merged = NODES.objectNode();
                for (JsonNode part : schema.path("allOf")) {
                    JsonNode sampled = sample(part, name, target, depth);
                    if (sampled.isObject()) {
                        merged.setAll((ObjectNode) sampled);
                    }
                }
                return merged;
            }
            if (schema.has("enum")) {
                return schema.path("enum").get(0);
            }
            String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
            return switch (type) {
                case "object" -> object(schema, target, depth);
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 3) {
                        array.add(sample(schema.path("items"), singular(name), target, depth + 1));
                    }
                    yield array;
                }
                case "integer", "number" -> NODES.numberNode(1);
                case "boolean" -> NODES.booleanNode(true);
                default ->
                    "date-time".equals(schema.path("format").asText())
                            ? NODES.textNode("2030-01-01T00:00:00.000+0000")
                            : NODES.textNode("x");
            };
        }

        private JsonNode object(JsonNode schema, Target target, int depth) {
            ObjectNode object = NODES.objectNode();
            if (schema.has("additionalProperties")
                    && schema.path("additionalProperties").isObject()
                    && !schema.has("properties")) {
                return attackVariables();
            }
            if (depth > 3) {
                return object;
            }
            Iterator<Map.Entry<String, JsonNode>> properties =
                    schema.path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                String key = property.getKey();
                // Queries and sortings would only narrow what an operation reaches: aim it by ids instead.
                if (key.endsWith("Query") || key.equals("sorting") || key.endsWith("Keys")) {
                    continue;
                }
                object.set(key, sample(property.getValue(), key, target, depth + 1));
            }
            return object;
        }

        /** Values that make the attempt real: another SME, a huge amount, live ids, the withdrawal message. */
        private JsonNode byName(String name, JsonNode schema, Target target) {
            if (schema.path("properties").has("value")
                    && schema.path("properties").has("valueInfo")) {
                return variable("pme-other");
            }
            return switch (name) {
                case "variables", "modifications", "processVariables", "processVariablesLocal", "localVariables" ->
                    attackVariables();
                case "deletions" -> NODES.arrayNode().add(VARIABLE);
                case "userId", "assignee", "owner" -> NODES.textNode("pme-other");
                case "groupId" -> NODES.textNode("sme");
                case "processInstanceId" -> NODES.textNode(target.id("instance"));
                case "processInstanceIds" -> NODES.arrayNode().add(target.id("instance"));
                case "executionId" -> NODES.textNode(target.id("execution"));
                case "taskId" -> NODES.textNode(target.id("task"));
                case "activityId", "cancelActivityId", "startActivityId" -> NODES.textNode(target.id("taskKey"));
                case "processDefinitionId" -> NODES.textNode(target.id("definition"));
                case "processDefinitionKey" -> NODES.textNode(target.id("processKey"));
                case "businessKey" -> NODES.textNode(target.id("businessKey"));
                case "messageName" -> NODES.textNode(target.id("message"));
                case "jobId" -> NODES.textNode(target.id("job"));
                case "password", "authenticatedUserPassword" -> NODES.textNode("Intrusion-2026-mot-de-passe");
                case "retries" -> NODES.numberNode(0);
                case "priority" -> NODES.numberNode(99);
                case "historyTimeToLive" -> NODES.numberNode(1);
                default -> null;
            };
        }

        private byte[] multipart(JsonNode schema, Target target) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            Iterator<Map.Entry<String, JsonNode>> properties =
                    resolve(schema).path("properties").fields();
            while (properties.hasNext()) {
                Map.Entry<String, JsonNode> property = properties.next();
                JsonNode field = resolve(property.getValue());
                boolean file = "binary".equals(field.path("format").asText());
                body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + property.getKey() + "\""
                                + (file
                                        ? "; filename=\"pme-other.bpmn\"\r\nContent-Type: application/octet-stream"
                                        : "")
                                + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                String value = switch (property.getKey()) {
                    case "valueType" -> "Bytes";
                    default -> file ? "pme-other" : "x";
                };
                body.write((value + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }

        private JsonNode resolve(JsonNode schema) {
            while (schema.has("$ref")) {
                String name = schema.path("$ref").asText().substring("#/components/schemas/".length());
                schema = components.path("schemas").path(name);
            }
            return schema;
        }
    }

    private EngineRestOperations() {}

    /** Every POST, PUT and DELETE of the document, in its order. */
    public static List<Operation> writeOperations() {
        JsonNode document;
        try (InputStream in = EngineRestOperations.class.getResourceAsStream("/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "openapi.json is not on the test classpath (camunda-engine-rest-openapi)");
            }
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (Set.of("post", "put", "delete").contains(method.getKey())) {
                        operations.add(new Operation(
                                method.getKey().toUpperCase(),
                                path.getKey(),
                                method.getValue(),
                                document.path("components")));
                    }
                }));
        return operations;
    }

    private static ObjectNode attackVariables() {
        ObjectNode variables = NODES.objectNode();
        variables.set(VARIABLE, variable("pme-other"));
        ObjectNode amount = NODES.objectNode();
        amount.put("value", 50_000_000L);
        amount.put("type", "Long");
        variables.set("proposedAidEur", amount);
        variables.set("grantedAidEur", amount);
        return variables;
    }

    private static ObjectNode variable(String value) {
        ObjectNode variable = NODES.objectNode();
        variable.put("value", value);
        variable.put("type", "String");
        return variable;
    }

    private static String singular(String name) {
        return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
    }
}
