package fr.defense.rapid.perf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * The benchmark's one HTTP client: every party (SME, staff, administrator) calls the running
 * application through it, with HTTP Basic, as a real client of the API would. Each call is timed.
 */
final class RapidClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A call's answer and how long it took, from sending to the last byte read. */
    record Reply(int status, String body, long nanos) {
        JsonNode json() {
            try {
                return body.isEmpty() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }

        Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("Expected " + expected + ", got " + status + ": "
                        + body.substring(0, Math.min(400, body.length())));
            }
            return this;
        }
    }

    private final String base;
    private final HttpClient http;

    RapidClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    Reply get(String user, String path) {
        return send(request(user, path).GET());
    }

    Reply postJson(String user, String path, Object body) {
        return postJson(user, path, body, null);
    }

    Reply postJson(String user, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = request(user, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    Reply putJson(String user, String path, Object body) {
        return send(request(user, path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json(body))));
    }

    /**
     * A multipart POST of one file and its text fields. With the CSRF token a portal page sends (cookie
     * and header): a multipart POST is one a hostile page could send, so HTTP Basic alone is not enough.
     */
    Reply postFile(String user, String path, String fileField, String fileName, byte[] content, String... fields) {
        String boundary = "----rapid-bench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                            + fields[i + 1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                        + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String token = UUID.randomUUID().toString();
        return send(request(user, path)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", "XSRF-TOKEN=" + token)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String user, String path) {
        // Every demo user's password is its id (demo profile).
        String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + credentials)
                .timeout(Duration.ofMinutes(2));
    }

    private Reply send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), System.nanoTime() - start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
