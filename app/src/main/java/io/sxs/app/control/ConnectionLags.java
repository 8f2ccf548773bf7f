package io.sxs.app.control;

import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far behind each connection is, folded from the sync log: a command is behind from the mapper's COMMAND_ISSUED
 * until its sink's entry (written or not), an item from its WAITING_DEPENDENCY until the mapper's next decision about
 * it. A connection's lag is the age of the oldest of them (zero when nothing is behind): how long the oldest change
 * read but not yet settled has waited, whether for the API's budget, a dependency or a retry. What was not read yet
 * is its sources' part, shown as their last polls.
 */
public final class ConnectionLags {

    /**
     * @param lagMs age of the oldest change read but not settled (0: none)
     * @param commandsInFlight commands issued without a sink's answer yet
     * @param itemsWaiting items waiting for a dependency
     * @param lastWriteMs how long the last answered command took from its issue to its sink's answer (null: none yet)
     */
    public record Lag(long lagMs, int commandsInFlight, int itemsWaiting, Long lastWriteMs) {
        static final Lag NONE = new Lag(0, 0, 0, null);
    }

    private static final class Behind {
        final Map<String, Instant> commands = new HashMap<>();
        final Map<String, Instant> waiting = new HashMap<>();
        Long lastWriteMs;
    }

    private final Map<String, Behind> byConnection = new ConcurrentHashMap<>();

    public void apply(SyncLogEntry e) {
        if (e.getConnectionId() == null || e.getAt() == null) {
            return;
        }
        if (e.getStage() == SyncStage.MAPPER) {
            Behind b = byConnection.computeIfAbsent(e.getConnectionId(), k -> new Behind());
            synchronized (b) {
                String item = e.getEntity() + "/" + e.getSystem() + "/" + e.getItemId();
                if (e.getOutcome() == SyncOutcome.WAITING_DEPENDENCY) {
                    b.waiting.putIfAbsent(item, e.getAt());
                } else {
                    b.waiting.remove(item);
                }
                if (e.getOutcome() == SyncOutcome.COMMAND_ISSUED && e.getCommandId() != null) {
                    b.commands.put(e.getCommandId(), e.getAt());
                }
            }
        } else if (e.getStage() == SyncStage.SINK && e.getCommandId() != null) {
            Behind b = byConnection.get(e.getConnectionId());
            if (b != null) {
                synchronized (b) {
                    Instant issued = b.commands.remove(e.getCommandId());
                    if (issued != null) {
                        b.lastWriteMs = Math.max(0, Duration.between(issued, e.getAt()).toMillis());
                    }
                }
            }
        }
    }

    public Lag of(String connectionId, Instant now) {
        Behind b = byConnection.get(connectionId);
        if (b == null) {
            return Lag.NONE;
        }
        synchronized (b) {
            Instant oldest = null;
            for (Instant at : b.commands.values()) {
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
            for (Instant at : b.waiting.values()) {
                oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
            }
            long lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toMillis());
            return new Lag(lag, b.commands.size(), b.waiting.size(), b.lastWriteMs);
        }
    }

    /** The largest lag of the connections counted (for a metric without connection tags). */
    public long maxLagMs(Instant now, java.util.function.Predicate<String> counted) {
        long max = 0;
        for (String id : byConnection.keySet()) {
            if (counted.test(id)) {
                max = Math.max(max, of(id, now).lagMs());
            }
        }
        return max;
    }

    /** Forgets a connection that was removed (its commands are never answered). */
    public void forget(String connectionId) {
        byConnection.remove(connectionId);
    }
}
