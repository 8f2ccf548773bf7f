package io.sxs.connector.xero;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** A scripted HTTP server: replies in the order queued, and records every request it got. */
public final class StubXeroServer implements AutoCloseable {

    public record Reply(int status, String body, Map<String, String> headers) {
    }

    public record Received(String method, String uri, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    private final HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    public final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public StubXeroServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String apiBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api.xro/2.0";
    }

    public StubXeroServer reply(int status, String body, Map<String, String> headers) {
        synchronized (replies) {
            replies.add(new Reply(status, body, headers));
        }
        return this;
    }

    public StubXeroServer reply(int status, String body) {
        return reply(status, body, Map.of());
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), Map.copyOf(ex.getRequestHeaders()), body));
        Reply r;
        synchronized (replies) {
            r = replies.isEmpty() ? new Reply(500, "no reply scripted", Map.of()) : replies.poll();
        }
        r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
