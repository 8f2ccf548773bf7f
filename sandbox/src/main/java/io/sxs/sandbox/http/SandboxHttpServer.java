package io.sxs.sandbox.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP server per sandbox, on the JDK's built-in {@link HttpServer}: it embeds as a plain library
 * (no container, no extra dependency), starts in milliseconds, and hands us the raw exchange, so faults
 * such as slow replies or a connection closed without a reply can be injected later. A bounded pool keeps
 * thread use predictable when many connector threads call at once.
 */
public final class SandboxHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxHttpServer.class);

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, the body then waits for
        // the client's delayed ACK (~40 ms per call). Read once by the JDK when its first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    /** System property naming the address the sandboxes listen on (default: loopback). */
    public static final String BIND_ADDRESS_PROPERTY = "sandbox.bind-address";
    private final ThreadPoolExecutor pool;
    private final String name;

    private SandboxHttpServer(String name, HttpServer server, ThreadPoolExecutor pool) {
        this.name = name;
        this.server = server;
        this.pool = pool;
    }

    /**
     * @param port    0 for a random free port
     * @param threads maximum concurrent requests handled
     */
    public static SandboxHttpServer start(String name, int port, int threads, RequestHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(bindAddress(), port), 256);
            AtomicInteger seq = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(4096), r -> {
                        Thread t = new Thread(r, name + "-http-" + seq.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    }, new ThreadPoolExecutor.CallerRunsPolicy());
            pool.allowCoreThreadTimeOut(true);
            server.setExecutor(pool);
            server.createContext("/", exchange -> serve(exchange, handler));
            server.start();
            LOG.info("{} sandbox listening on port {}", name, server.getAddress().getPort());
            return new SandboxHttpServer(name, server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " sandbox on port " + port, e);
        }
    }

    /**
     * Loopback unless {@value #BIND_ADDRESS_PROPERTY} says otherwise: the sandboxes print their credentials, so by
     * default they are reachable from this machine only. In a container set it to 0.0.0.0.
     */
    static InetAddress bindAddress() throws IOException {
        String configured = System.getProperty(BIND_ADDRESS_PROPERTY, "");
        return configured.isBlank() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(configured.trim());
    }

    private static void serve(HttpExchange exchange, RequestHandler handler) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            SandboxRequest request = new SandboxRequest(exchange.getRequestMethod(), uri.getPath(),
                    uri.getRawQuery(), exchange.getRequestHeaders(), body);
            SandboxResponse response;
            try {
                response = handler.handle(request);
            } catch (Exception e) {
                LOG.error("sandbox handler failed for {} {}", request.method(), request.path(), e);
                response = SandboxResponse.text(500, "Internal sandbox error");
            }
            if (response.isDropConnection()) {
                // Closing the exchange without sendResponseHeaders makes the JDK server drop the connection.
                exchange.close();
                return;
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] out = response.body();
            boolean noBody = out.length == 0 || "HEAD".equalsIgnoreCase(request.method()) || response.status() == 204;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        } catch (IOException e) {
            LOG.debug("client went away: {}", e.getMessage());
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port());
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
        LOG.info("{} sandbox stopped", name);
    }
}
