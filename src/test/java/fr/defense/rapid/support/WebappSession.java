package fr.defense.rapid.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A session of the Camunda webapps, as their pages open one: a first page gives the CSRF cookie,
 * the login sends it back in its header, and every later call carries the session cookie and the
 * current CSRF token. Reaches the webapps' own engine API ({@code /camunda/api/engine/engine/default/...}),
 * which Tasklist and Cockpit use instead of {@code /engine-rest}.
 */
public final class WebappSession {

    /** The engine API of the webapps, to which an {@code /engine-rest} path is appended. */
    public static final String ENGINE_API = "/camunda/api/engine/engine/default";

    private final CookieManager cookies;
    private final HttpClient client;
    private final String base;
    private int loginStatus;
    private String loginBody;

    private WebappSession(int port) {
        this(new CookieManager(), port);
    }

    private WebappSession(CookieManager cookies, int port) {
        this.cookies = cookies;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
        this.base = "http://localhost:" + port;
    }

    /**
     * The same browser (its cookies: session and CSRF token) talking to another node of a cluster
     * on this host, as a load balancer would send it there.
     */
    public WebappSession on(int otherPort) {
        WebappSession other = new WebappSession(cookies, otherPort);
        other.loginStatus = loginStatus;
        other.loginBody = loginBody;
        return other;
    }

    /** Logs into the given application ({@code tasklist}, {@code cockpit}, {@code admin}, {@code welcome}); see {@link #loginStatus()}. */
    public static WebappSession login(int port, String user, String password, String app) {
        WebappSession session = new WebappSession(port);
        session.request("GET", "/camunda/app/" + app + "/default/", null, null);
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Http.Response login = session.request(
                "POST",
                "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        session.loginStatus = login.status();
        session.loginBody = login.body();
        // The login opens a new session, whose CSRF token the next read hands out, as the page's next call does.
        session.request("GET", "/camunda/api/admin/auth/user/default", null, null);
        return session;
    }

    /** Demo users: the password is the user id. */
    public static WebappSession login(int port, String user, String app) {
        return login(port, user, user, app);
    }

    public int loginStatus() {
        return loginStatus;
    }

    /** What the login answered, which the webapps' login page shows on a refusal ({@code message}). */
    public String loginBody() {
        return loginBody;
    }

    /** Any call with the session's cookie and CSRF header; {@code null} content type sends no body. */
    public Http.Response request(String method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, body, true);
    }

    /** A call with the session's cookie but no CSRF header, as a hostile page's request would come. */
    public Http.Response requestWithoutCsrfHeader(String method, String path, String contentType, byte[] body) {
        return send(method, path, contentType, body, false);
    }

    private Http.Response send(String method, String path, String contentType, byte[] body, boolean csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> csrfHeader && cookie.getName().equals("XSRF-TOKEN"))
                .reduce((first, last) -> last)
                .ifPresent(csrf -> request.header("X-XSRF-TOKEN", csrf.getValue()));
        if (contentType == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
