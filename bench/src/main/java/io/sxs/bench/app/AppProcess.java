package io.sxs.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sxs.kafka.embedded.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable jar as a user runs it (the demo: embedded broker, both sandboxes with their real limits, the pipeline),
 * in a process of its own on free ports. The harness watches its console and measures through the sandboxes' admin
 * APIs (which are not counted as API calls) and the app's actuator, never from inside the pipeline.
 */
public final class AppProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private Path dataDir;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final int xeroPort;
    private final int scoroPort;
    private final int serverPort;
    private static final String OPERATOR_TOKEN = "bench-" + java.util.UUID.randomUUID();
    private String tenant;
    private String company;

    private AppProcess(Process process, int xeroPort, int scoroPort, int serverPort) {
        this.process = process;
        this.xeroPort = xeroPort;
        this.scoroPort = scoroPort;
        this.serverPort = serverPort;
        Thread reader = new Thread(this::readConsole, "bench-app-console");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar <jar>} with the demo on free ports and the given extra settings. */
    public static AppProcess start(Path jar, Map<String, Object> settings) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it first (mvn -B -q -DskipTests package)");
        }
        int xero = FreePorts.next();
        int scoro = FreePorts.next();
        int server = FreePorts.next();
        Map<String, Object> all = new LinkedHashMap<>();
        try {
            all.put("sxs.data-dir", Files.createTempDirectory("sxs-bench-app-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        all.put("sxs.broker.port", FreePorts.next());
        all.put("sxs.broker.controller-port", FreePorts.next());
        all.put("sxs.demo.xero-port", xero);
        all.put("sxs.demo.scoro-port", scoro);
        all.put("server.port", server);
        // The actuator's metrics need the operator token, which the harness chooses so that it can read them.
        all.put("sxs.control.token", OPERATOR_TOKEN);
        // The demo's payments after its initial sync are a show for a person: the measurements are of the sync itself.
        all.put("sxs.demo.payments", false);
        all.putAll(settings);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        all.forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            AppProcess app = new AppProcess(p, xero, scoro, server);
            app.dataDir = Path.of(String.valueOf(all.get("sxs.data-dir")));
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private void readConsole() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
                Matcher t = Pattern.compile("xero-tenant-id: ([0-9a-f-]{36})").matcher(line);
                if (tenant == null && t.find()) {
                    tenant = t.group(1);
                }
                Matcher c = Pattern.compile("company_account_id: ([^,)\\s]+)").matcher(line);
                if (company == null && c.find()) {
                    company = c.group(1);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Waits for a console line; fails with the console's tail when the process ends or time runs out. */
    public String awaitLine(Predicate<String> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            for (; seen < lines.size(); seen++) {
                if (matches.test(lines.get(seen))) {
                    return lines.get(seen);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the app ended:\n" + tail(40));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no such line within " + timeout + ":\n" + tail(40));
    }

    /** Waits until the demo's initial sync is done and returns its summary lines. */
    public List<String> awaitInitialSync(Duration timeout) throws InterruptedException {
        awaitLine(l -> l.startsWith("Keeps syncing"), timeout);
        int from = 0;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Initial sync of connection")) {
                from = i;
                break;
            }
        }
        return List.copyOf(lines.subList(from, lines.size()));
    }

    public String tail(int n) {
        return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    public String tenant() {
        return tenant;
    }

    public String company() {
        return company;
    }

    /** The app's data folder (the embedded broker's log directory is its {@code kafka/}). */
    public Path dataDir() {
        return dataDir;
    }

    public long pid() {
        return process.pid();
    }

    /** Calls per endpoint the Xero sandbox counted for the demo organisation. */
    public Map<String, Long> xeroCalls() {
        return counts(xeroAdmin("GET", "/tenants/" + tenant + "/calls", null).path("callCounts"));
    }

    public long xeroThrottled() {
        return xeroAdmin("GET", "/tenants/" + tenant + "/calls", null).path("throttledCalls").asLong();
    }

    public Map<String, Long> scoroCalls() {
        return counts(scoroAdmin("GET", "/companies/" + company + "/calls", null).path("callCounts"));
    }

    public long scoroThrottled() {
        return scoroAdmin("GET", "/companies/" + company + "/calls", null).path("throttledCalls").asLong();
    }

    public JsonNode xeroAdmin(String method, String path, Object body) {
        return send(method, URI.create("http://localhost:" + xeroPort + "/sandbox-admin" + path), body);
    }

    public JsonNode scoroAdmin(String method, String path, Object body) {
        return send(method, URI.create("http://localhost:" + scoroPort + "/sandbox-admin" + path), body);
    }

    /** An actuator metric's first measurement (e.g. {@code jvm.threads.live}), with optional tag filters. */
    public double metric(String name, String... tags) {
        StringBuilder path = new StringBuilder("/actuator/metrics/").append(name);
        for (int i = 0; i < tags.length; i++) {
            path.append(i == 0 ? '?' : '&').append("tag=").append(tags[i]);
        }
        JsonNode m = send("GET", URI.create("http://localhost:" + serverPort + path), null, OPERATOR_TOKEN);
        return m.path("measurements").path(0).path("value").asDouble(Double.NaN);
    }

    private static Map<String, Long> counts(JsonNode node) {
        Map<String, Long> out = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    static JsonNode send(String method, URI uri, Object body) {
        return send(method, uri, body, null);
    }

    static JsonNode send(String method, URI uri, Object body, String bearer) {
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json");
            if (bearer != null) {
                req.header("Authorization", "Bearer " + bearer);
            }
            req.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            HttpResponse<String> resp = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + uri + " -> " + resp.statusCode() + " " + resp.body());
            }
            return resp.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(resp.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
