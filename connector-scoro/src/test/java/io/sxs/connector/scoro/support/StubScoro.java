package io.sxs.connector.scoro.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

/** A scripted HTTP server for fault cases the sandbox does not simulate: replies are served in order. */
public final class StubScoro implements AutoCloseable {

    public record Reply(int status, Map<String, String> headers, String body) {
    }

    public record Request(String path, String body) {
    }

    private final HttpServer server;
    private final ConcurrentLinkedDeque<Reply> replies = new ConcurrentLinkedDeque<>();
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());

    public StubScoro() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.add(new Request(exchange.getRequestURI().getPath(),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Reply r = replies.pollFirst();
                if (r == null) {
                    r = new Reply(500, Map.of(), "no scripted reply");
                }
                r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.start();
    }

    public StubScoro reply(int status, String body) {
        return reply(status, Map.of(), body);
    }

    public StubScoro reply(int status, Map<String, String> headers, String body) {
        replies.addLast(new Reply(status, headers, body));
        return this;
    }

    public StubScoro ok(String dataJson) {
        return reply(200, "{\"status\":\"OK\",\"statusCode\":200,\"messages\":null,\"data\":" + dataJson + "}");
    }

    public String siteUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
