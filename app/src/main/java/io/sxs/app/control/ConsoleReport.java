package io.sxs.app.control;

import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rejected and blocked writes, missing dependencies and invalid input on the console as they happen, one line each,
 * at most {@link #LINES} per connection in each {@link #WINDOW} (the rest is counted in one line): a person watching
 * the log sees trouble without reading a topic. Entries from before this process started are the error list's, not
 * news. (Refused credentials and links are said once by the pre-flight check.)
 */
public final class ConsoleReport {

    static final int LINES = 5;
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(ConsoleReport.class);

    private final Instant since = Instant.now();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public void apply(SyncLogEntry e) {
        if (e.getAt().isBefore(since) || !news(e)) {
            return;
        }
        Window w = windows.computeIfAbsent(e.getConnectionId(), k -> new Window());
        String line;
        synchronized (w) {
            Instant now = Instant.now();
            if (now.isAfter(w.start.plus(WINDOW))) {
                if (w.dropped > 0) {
                    log.warn("Connection {}: {} more problem(s) in the last {} s (GET /api/errors?connection={})",
                            e.getConnectionId(), w.dropped, WINDOW.toSeconds(), e.getConnectionId());
                }
                w.start = now;
                w.lines = 0;
                w.dropped = 0;
            }
            if (w.lines >= LINES) {
                w.dropped++;
                return;
            }
            w.lines++;
            line = e.getOutcome() + " " + e.getEntity() + (e.getItemId() == null ? "" : " " + e.getItemId())
                    + (e.getSystem() == null ? "" : " (" + e.getSystem() + ")") + ": " + e.getMessage();
        }
        log.warn("Connection {}: {}", e.getConnectionId(), line);
    }

    /** One line per problem: the sink's answer for writes, the mapper's for dependencies, the source's for input. */
    private static boolean news(SyncLogEntry e) {
        SyncOutcome o = e.getOutcome();
        return e.getStage() == SyncStage.SINK && (o == SyncOutcome.REJECTED || o == SyncOutcome.BLOCKED)
                || e.getStage() == SyncStage.MAPPER && o == SyncOutcome.DEPENDENCY_MISSING
                || o == SyncOutcome.INVALID_INPUT;
    }

    private static final class Window {
        Instant start = Instant.EPOCH;
        int lines;
        int dropped;
    }
}
