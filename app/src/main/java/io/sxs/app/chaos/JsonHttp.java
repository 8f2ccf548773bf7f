package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON over real HTTP to the processes of a chaos run: the sandboxes' admin APIs and the pipelines' control APIs. */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A reply that is not 2xx (or no reply at all: status 0). */
    static final class Failed extends RuntimeException {
        final int status;

        Failed(int status, String message, Throwable cause) {
            super(message, cause);
            this.status = status;
        }
    }

    private JsonHttp() {
    }

    /** Sends a call (the bearer token may be null) and returns its JSON body; a non-2xx reply throws {@link Failed}. */
    static JsonNode send(String method, URI uri, Object body, String bearer, Duration timeout) {
        HttpResponse<String> reply;
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(timeout).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (bearer != null) {
                req.header("Authorization", "Bearer " + bearer);
            }
            reply = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failed(0, method + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (reply.statusCode() / 100 != 2) {
            throw new Failed(reply.statusCode(), method + " " + uri + " -> " + reply.statusCode() + " " + reply.body(), null);
        }
        try {
            return reply.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
