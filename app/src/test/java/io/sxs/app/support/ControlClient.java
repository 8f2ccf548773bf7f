package io.sxs.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.context.ConfigurableApplicationContext;

/** The control API of a running test app over real HTTP, as the operator (or, with a null token, as anyone). */
public final class ControlClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String token;

    public ControlClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The operator's client of an app started by {@link Pipelines}. */
    public static ControlClient of(ConfigurableApplicationContext app) {
        return new ControlClient("http://localhost:" + app.getEnvironment().getProperty("local.server.port"),
                Pipelines.OPERATOR_TOKEN);
    }

    public String base() {
        return base;
    }

    public ControlClient withToken(String other) {
        return new ControlClient(base, other);
    }

    public HttpResponse<String> call(String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JSON body of a call (whatever its status). */
    public JsonNode json(String method, String path, Object body) {
        try {
            return JSON.readTree(call(method, path, body).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode get(String path) {
        return json("GET", path, null);
    }
}
