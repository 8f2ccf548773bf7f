package io.sxs.app.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.kafka.embedded.FreePorts;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One instance of the app jar in a process of its own (the broker, or a pipeline), with fixed settings, so that a
 * restart after {@link #kill} is the same instance again: same instance id (its transactional ids fence the killed
 * one's), same data folder, same control port.
 */
final class AppProcess {

    private static final Duration START = Duration.ofMinutes(3);

    private final String name;
    private final JavaCommands java;
    private final Map<String, Object> settings;
    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private final String token;
    private ChildProcess process;
    private int starts;

    AppProcess(String name, JavaCommands java, Map<String, Object> settings, Map<String, String> environment, Path logs,
               String token) {
        this.name = name;
        this.java = java;
        this.port = FreePorts.next();
        this.settings = new LinkedHashMap<>(settings);
        this.settings.put("server.port", port);
        this.environment = environment;
        this.log = logs.resolve(name + ".log");
        this.token = token;
    }

    String name() {
        return name;
    }

    /** Starts the process and waits until its health says UP. */
    synchronized AppProcess start() throws InterruptedException {
        process = ChildProcess.start(name, java.app(settings), environment, log);
        starts++;
        awaitUp();
        return this;
    }

    private void awaitUp() throws InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(name + " ended while starting:\n" + process.tail());
            }
            try {
                if ("UP".equals(call("GET", "/actuator/health", null).path("status").asText())) {
                    return;
                }
            } catch (JsonHttp.Failed e) {
                // not listening yet, or DOWN (503) while it starts
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not UP within " + START + ":\n" + process.tail());
    }

    /** SIGKILL, then waits until the process is gone. */
    synchronized void kill() throws InterruptedException {
        process.kill();
    }

    synchronized boolean alive() {
        return process != null && process.alive();
    }

    /** How often it was started (1 + restarts). */
    synchronized int starts() {
        return starts;
    }

    long pid() {
        return process.pid();
    }

    /** A control API call as the operator. */
    JsonNode call(String method, String path, Object body) {
        return JsonHttp.send(method, URI.create("http://localhost:" + port + path), body, token, Duration.ofSeconds(60));
    }

    /** A call that may take long (a convergence check reads both systems in full). */
    JsonNode slowCall(String method, String path, Object body, Duration timeout) {
        return JsonHttp.send(method, URI.create("http://localhost:" + port + path), body, token, timeout);
    }

    String tail() {
        return process == null ? "" : process.tail();
    }

    void stop() {
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }
}
