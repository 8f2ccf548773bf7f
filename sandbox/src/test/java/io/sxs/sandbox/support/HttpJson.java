package io.sxs.sandbox.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.http.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP calls from tests, with JSON bodies parsed by the sandbox's own mapper (exact decimals). */
public final class HttpJson {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, parsed JSON body (null when empty or not JSON), and headers. */
    public record Reply(int status, JsonNode body, String raw, Map<String, java.util.List<String>> headers) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private HttpJson() {
    }

    public static Reply send(String method, URI uri, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
        headers.forEach(b::header);
        String text = body == null ? null : body instanceof String s ? s : Json.text(body);
        if (text != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = null;
            try {
                parsed = r.body().isEmpty() ? null : Json.MAPPER.readTree(r.body());
            } catch (IOException notJson) {
                parsed = null;
            }
            return new Reply(r.statusCode(), parsed, r.body(), r.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
