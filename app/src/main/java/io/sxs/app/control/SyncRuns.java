package io.sxs.app.control;

import io.sxs.app.pipeline.Pipeline;
import io.sxs.app.pipeline.SyncProgress;
import io.sxs.app.webhook.HintPublisher;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeCause;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sync runs a person starts: one pass of each chosen entity on both systems now (a MANUAL connection reads only in
 * runs), or a re-sync (a pass from the start, every item written again). A run is asked of whichever instance owns
 * the connection through {@code sxs.source-hints}; its progress is folded here from the sync log: what the run's passes
 * read, and what was decided and written for the connection since it started. It is done when every pass is complete,
 * the mapper has decided at least as many items as the passes read, every command has its result, nothing waits, and
 * the connection's log has been quiet for a second.
 */
public final class SyncRuns {

    /** How long finished runs are remembered. */
    static final Duration KEEP = Duration.ofHours(24);
    /** How long a run's log must be quiet, with everything settled, before it counts as done. */
    static final Duration QUIET = Duration.ofSeconds(1);

    private final Pipeline pipeline;
    private final HintPublisher hints;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    public SyncRuns(Pipeline pipeline, HintPublisher hints, SyncLogFeed feed) {
        this.pipeline = pipeline;
        this.hints = hints;
        feed.listen(this::apply);
    }

    /**
     * Starts a run over {@code entities} (empty: every entity the connection reads) and what they reference (an invoice
     * run reads the contacts, accounts and tax rates its invoices need, so that nothing waits for a read that a MANUAL
     * connection would never make).
     */
    public RunView start(ConnectionConfig config, Collection<EntityType> asked, boolean full) {
        Set<EntityType> entities = withReferences(asked);
        Set<String> sources = new LinkedHashSet<>();
        List<SourceHint> asks = new ArrayList<>();
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        for (SystemType system : SystemType.values()) {
            for (EntityType entity : pipeline.connector(system).readEntities(config)) {
                if (entities.isEmpty() || entities.contains(entity)) {
                    sources.add(SyncProgress.sourceName(system, entity));
                    asks.add(SourceHint.newBuilder().setHintId(UUID.randomUUID().toString())
                            .setConnectionId(config.getConnectionId()).setSystem(system).setEntity(entity).setIds(List.of())
                            .setReceivedAt(now).setSource("sync-run").setRunId(runId)
                            .setCause(full ? ChangeCause.RESYNC : ChangeCause.RECONCILE).build());
                }
            }
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("Connection " + config.getConnectionId() + " reads none of " + asked
                    + " (their directions are OFF)");
        }
        Run run = new Run(runId, config.getConnectionId(), full, now, sources);
        expire();
        runs.put(runId, run);
        asks.forEach(hints::publish);
        return run.view();
    }

    static Set<EntityType> withReferences(Collection<EntityType> asked) {
        Set<EntityType> out = java.util.EnumSet.noneOf(EntityType.class);
        java.util.ArrayDeque<EntityType> todo = new java.util.ArrayDeque<>(asked);
        while (!todo.isEmpty()) {
            EntityType e = todo.poll();
            if (out.add(e)) {
                todo.addAll(io.sxs.schemas.registry.EntityRegistry.of(e).references().referencedEntities());
            }
        }
        return out;
    }

    /** A re-sync of items by id: read in their system now and written again even if unchanged. */
    public RunView resync(ConnectionConfig config, EntityType entity, SystemType system, List<String> ids) {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        Run run = new Run(runId, config.getConnectionId(), true, now, Set.of());
        run.expectedItems = ids.size();
        expire();
        runs.put(runId, run);
        hints.publish(SourceHint.newBuilder().setHintId(UUID.randomUUID().toString()).setConnectionId(config.getConnectionId())
                .setSystem(system).setEntity(entity).setIds(ids).setReceivedAt(now).setSource("re-sync").setRunId(runId)
                .setCause(ChangeCause.RESYNC).build());
        return run.view();
    }

    public RunView find(String connectionId, String runId) {
        Run run = runs.get(runId);
        if (run == null || !run.connectionId.equals(connectionId)) {
            throw new ControlErrors.NotFound("No sync run " + runId + " of connection " + connectionId);
        }
        return run.view();
    }

    public List<RunView> of(String connectionId) {
        return runs.values().stream().filter(r -> r.connectionId.equals(connectionId))
                .sorted((a, b) -> b.startedAt.compareTo(a.startedAt)).map(Run::view).toList();
    }

    private void apply(SyncLogEntry e) {
        for (Run run : runs.values()) {
            if (run.connectionId.equals(e.getConnectionId()) && !e.getAt().isBefore(run.startedAt.minusMillis(5))) {
                run.apply(e);
            }
        }
    }

    private void expire() {
        Instant cut = Instant.now().minus(KEEP);
        runs.values().removeIf(r -> r.doneAt != null && r.doneAt.isBefore(cut));
    }

    /** A run as the API shows it: per entity what was read, written, skipped and failed, and what waits. */
    public record RunView(String runId, String connectionId, boolean full, String state, Instant startedAt, Instant doneAt,
                          int passesTotal, List<String> passesPending, Map<String, EntityCounts> entities, long commandsIssued, long results,
                          int waiting) {
    }

    public record EntityCounts(long read, long written, long skipped, long failed) {
    }

    private static final class Run {
        final String runId;
        final String connectionId;
        final boolean full;
        final Instant startedAt;
        final Set<String> pending;
        final int passesTotal;
        final SyncProgress progress;
        long readInRun;
        long decided;
        long expectedItems = -1;
        Instant doneAt;
        Instant lastEntryAt;

        Run(String runId, String connectionId, boolean full, Instant startedAt, Set<String> sources) {
            this.runId = runId;
            this.connectionId = connectionId;
            this.full = full;
            this.startedAt = startedAt;
            this.pending = new LinkedHashSet<>(sources);
            this.passesTotal = sources.size();
            this.progress = new SyncProgress(startedAt, Set.of());
        }

        synchronized void apply(SyncLogEntry e) {
            boolean mine = runId.equals(e.getRunId());
            if (e.getStage() == SyncStage.SOURCE && !mine) {
                return; // other polls of the connection are not this run's reads
            }
            progress.apply(e);
            if (mine && e.getOutcome() == SyncOutcome.READ) {
                readInRun += e.getCount();
            } else if (mine && e.getOutcome() == SyncOutcome.PASS_COMPLETE) {
                pending.remove(SyncProgress.sourceName(e.getSystem(), e.getEntity()));
            } else if (e.getStage() == SyncStage.MAPPER && e.getOutcome() != SyncOutcome.RELEASED) {
                decided++; // one decision per change read (a release re-decides a change that waited)
            }
            lastEntryAt = Instant.now();
        }

        private boolean finished() {
            boolean read = expectedItems >= 0 ? readInRun >= expectedItems : pending.isEmpty();
            return read && decided >= readInRun && progress.settled();
        }

        synchronized RunView view() {
            // Settled for a moment: a result releases waiting documents whose commands follow within milliseconds.
            Instant now = Instant.now();
            if (doneAt == null && finished() && (lastEntryAt == null || lastEntryAt.plus(QUIET).isBefore(now))) {
                doneAt = now;
            }
            Map<String, EntityCounts> entities = new LinkedHashMap<>();
            for (EntityType entity : EntityType.values()) {
                SyncProgress.Counts c = progress.counts(entity);
                long read = c.readScoro + c.readXero;
                long written = c.writtenScoro + c.writtenXero;
                if (read + written + c.skipped + c.failed > 0) {
                    entities.put(entity.name(), new EntityCounts(read, written, c.skipped, c.failed));
                }
            }
            return new RunView(runId, connectionId, full, doneAt != null ? "DONE" : "RUNNING", startedAt, doneAt,
                    passesTotal, List.copyOf(pending), entities, progress.commandsIssued(), progress.results(), progress.waiting());
        }
    }
}
