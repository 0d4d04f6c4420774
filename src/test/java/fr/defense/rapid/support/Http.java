package fr.defense.rapid.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A plain HTTP client for the tests of the running application: it reports every status as it
 * is (no exception on 4xx), so that a test can assert on 401, 403 and 404 like on 200.
 */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    /** From now on, this user's requests sign in with this password (a test's own user, not a demo one). */
    public Http password(String user, String password) {
        passwords.put(user, password);
        return this;
    }

    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + raw.body(), e);
            }
        }

        /**
         * The body of a 200 answer: what an assertion that something is absent must read, lest a
         * refusal (whose body lacks everything) make it pass.
         */
        public JsonNode okJson() {
            if (status != 200) {
                throw new AssertionError("Expected 200, got " + status + ": " + raw.body());
            }
            return json();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** The same request sent by {@code count} clients at once (released together), their responses in order. */
    public List<Response> simultaneously(int count, Callable<Response> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : sent) {
                responses.add(response.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    public Response get(String user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with HTTP Basic and this password (not the demo one). */
    public Response get(String user, String password, String path) {
        return send(
                null,
                HttpRequest.newBuilder(URI.create(base + path)).GET().header("Authorization", basic(user, password)));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response post(String user, String path, Object body) {
        return post(user, path, body, null);
    }

    public Response post(String user, String path, Object body, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        String json;
        try {
            json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(user, request);
    }

    /** Any method, any body (JSON, multipart…), as the caller built it; {@code null} content type sends no body. */
    public Response request(String user, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return send(user, request);
    }

    private Response send(String user, HttpRequest.Builder request) {
        if (user != null) {
            // Demo users: the password is the user id.
            request.header("Authorization", basic(user, passwords.getOrDefault(user, user)));
        }
        try {
            HttpResponse<String> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
