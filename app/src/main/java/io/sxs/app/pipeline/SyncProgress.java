package io.sxs.app.pipeline;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Progress of one connection's sync, folded from its sync-log entries: what the sources read, what the mapper decided
 * and what the sinks wrote. The initial sync is done when every source finished a pass, every command has its result
 * and no item waits (an item waits from its WAITING_DEPENDENCY entry until any later decision about it). Reading back
 * the pipeline's own writes is not waited for: it costs calls and changes nothing.
 */
public final class SyncProgress {

    /** Counters of one entity. */
    public static final class Counts {
        public long readScoro;
        public long readXero;
        public long writtenScoro;
        public long writtenXero;
        public long skipped;
        public long failed;
    }

    private final Instant started;
    private final Set<String> expectedSources;
    /** After a restart: what was logged before {@link #started} belongs to an earlier run and is not counted. */
    private final boolean sinceStartOnly;
    private final Map<EntityType, Counts> byEntity = new EnumMap<>(EntityType.class);
    private final Map<String, Instant> lastPass = new TreeMap<>();
    private final Set<String> waiting = new HashSet<>();
    private long commandsIssued;
    private long results;
    private long pollFailures;
    private Instant doneAt;

    public SyncProgress(Instant started, Set<String> expectedSources) {
        this(started, expectedSources, false);
    }

    private SyncProgress(Instant started, Set<String> expectedSources, boolean sinceStartOnly) {
        this.started = started;
        this.expectedSources = new HashSet<>(expectedSources);
        this.sinceStartOnly = sinceStartOnly;
    }

    /**
     * Progress of a connection that synced before a restart at {@code restartedAt}: only later entries count, so its
     * counters are the work done since. No pass is expected (an idle poll logs nothing): whoever asks whether it is
     * quiet must also know the sources have polled since.
     */
    public static SyncProgress sinceRestart(Instant restartedAt) {
        return new SyncProgress(restartedAt, Set.of(), true);
    }

    public static String sourceName(SystemType system, EntityType entity) {
        return system + "/" + entity;
    }

    public synchronized void apply(SyncLogEntry e) {
        if (sinceStartOnly && e.getAt() != null && e.getAt().isBefore(started)) {
            return;
        }
        EntityType entity = e.getEntity();
        Counts counts = entity == null ? new Counts() : byEntity.computeIfAbsent(entity, k -> new Counts());
        if (e.getStage() == SyncStage.SOURCE) {
            if (e.getOutcome() == SyncOutcome.READ) {
                if (e.getSystem() == SystemType.SCORO) {
                    counts.readScoro += e.getCount();
                } else {
                    counts.readXero += e.getCount();
                }
            } else if (e.getOutcome() == SyncOutcome.PASS_COMPLETE) {
                lastPass.put(sourceName(e.getSystem(), entity), e.getAt());
            } else if (e.getOutcome() == SyncOutcome.INVALID_INPUT) {
                counts.failed++;
            } else if (e.getOutcome() == SyncOutcome.FAILED) {
                pollFailures++; // a poll that failed (throttled, API down) is retried; no record is lost
            }
        } else if (e.getStage() == SyncStage.MAPPER) {
            String item = e.getEntity() + "/" + e.getSystem() + "/" + e.getItemId();
            if (e.getOutcome() == SyncOutcome.WAITING_DEPENDENCY) {
                waiting.add(item);
            } else {
                waiting.remove(item);
            }
            switch (e.getOutcome()) {
                case COMMAND_ISSUED -> commandsIssued++;
                case DEPENDENCY_MISSING -> counts.failed++;
                case SKIPPED_ECHO, SKIPPED_NOT_OWNER, SKIPPED_OUT_OF_SCOPE, SKIPPED_UNCHANGED -> counts.skipped++;
                case INVALID_INPUT -> counts.failed++;
                default -> { }
            }
        } else if (e.getStage() == SyncStage.SINK) {
            results++;
            if (e.getOutcome() == SyncOutcome.WRITTEN && e.getSystem() == SystemType.SCORO) {
                counts.writtenScoro++;
            } else if (e.getOutcome() == SyncOutcome.WRITTEN) {
                counts.writtenXero++;
            } else {
                counts.failed++;
            }
        }
    }

    /** True while the sync log shows nothing left to do; evaluated live, since a later poll may find more. */
    public synchronized boolean isQuiet() {
        // >=: after a restart a result may answer a command issued before it
        return lastPass.keySet().containsAll(expectedSources) && results >= commandsIssued && waiting.isEmpty();
    }

    /** True when every command issued has its result and nothing waits. */
    public synchronized boolean settled() {
        return results >= commandsIssued && waiting.isEmpty();
    }

    public synchronized long commandsIssued() {
        return commandsIssued;
    }

    public synchronized long results() {
        return results;
    }

    /** A copy of one entity's counters (all zero when nothing about it was logged). */
    public synchronized Counts counts(EntityType entity) {
        Counts copy = new Counts();
        Counts c = byEntity.get(entity);
        if (c != null) {
            copy.readScoro = c.readScoro;
            copy.readXero = c.readXero;
            copy.writtenScoro = c.writtenScoro;
            copy.writtenXero = c.writtenXero;
            copy.skipped = c.skipped;
            copy.failed = c.failed;
        }
        return copy;
    }

    /** Items waiting for a dependency or a retry now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    /** Marks the initial sync done (once), fixing the time it took. */
    public synchronized void markDone() {
        if (doneAt == null) {
            doneAt = Instant.now();
        }
    }



    public synchronized String summary(String connectionId) {
        Duration took = Duration.between(started, doneAt == null ? Instant.now() : doneAt);
        StringBuilder out = new StringBuilder();
        out.append(sinceStartOnly
                ? String.format("Sync of connection %s since the restart: %s after %.1f s%n", connectionId,
                        doneAt == null ? "still running" : "quiet", took.toMillis() / 1000.0)
                : String.format("Initial sync of connection %s %s in %.1f s%n", connectionId,
                        doneAt == null ? "still running" : "done", took.toMillis() / 1000.0));
        out.append(String.format("  %-16s %11s %11s %14s %14s %8s %7s%n", "entity", "read Scoro", "read Xero",
                "written Scoro", "written Xero", "skipped", "failed"));
        byEntity.forEach((entity, c) -> out.append(String.format("  %-16s %11d %11d %14d %14d %8d %7d%n",
                entity, c.readScoro, c.readXero, c.writtenScoro, c.writtenXero, c.skipped, c.failed)));
        out.append("  (reads of the pipeline's own writes are counted as read and skipped as echoes)\n");
        out.append(String.format("  commands issued %d, results %d, waiting %d, polls retried %d%n", commandsIssued, results,
                waiting.size(), pollFailures));
        return out.toString();
    }
}
