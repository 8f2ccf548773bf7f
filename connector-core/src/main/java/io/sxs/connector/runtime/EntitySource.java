package io.sxs.connector.runtime;

import io.sxs.connector.budget.ApiBudget;
import io.sxs.connector.budget.Lane;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.log.SyncLogs;
import io.sxs.connector.runtime.SourceContext.CursorKeyValue;
import io.sxs.connector.schedule.Job;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.ChangeCause;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.SourceCursor;
import io.sxs.schemas.envelope.SyncMode;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.secret.SecretCipher;
import io.sxs.schemas.topic.ConnectionPartitioner;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of one entity of one connection, as a scheduler job: polls when due and the poll allowance permits,
 * one API call per step (a list page, or the details of one new row), and emits each page with the advanced cursor
 * in one Kafka transaction. Webhook news ({@link #hint}) becomes a targeted read of exactly those items. A poll that
 * finds nothing new writes nothing to Kafka.
 */
final class EntitySource implements Job {

    private static final Logger log = LoggerFactory.getLogger(EntitySource.class);
    private static final Duration IDLE_RECHECK = Duration.ofSeconds(5);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final SourceContext ctx;
    private final String connectionId;
    private final EntityReader reader;
    private final CursorKeyValue key;
    private final Map<String, Instant> hints = new LinkedHashMap<>();
    private Instant hintsSince;
    private PollPass pass;
    private PollPass.Step pageStep;
    private final List<ReadItem> pageItems = new ArrayList<>();
    private int pageRead;
    private Instant nextPollAt;
    private Instant retryAt;
    private int failures;
    private Instant lastPollAt;
    /** A sync run asked for and not started yet (its id, and whether it re-syncs from the start). */
    private volatile String runRequested;
    private volatile boolean runFull;
    /** The run the pass in progress belongs to (null: a scheduled poll). */
    private String passRun;
    private boolean passFull;
    /** Items a person asked to be read and written again: id -> run id. */
    private final Map<String, String> resyncs = new LinkedHashMap<>();
    private Instant failedFor;
    private volatile boolean manualHints;
    /** A pass a MANUAL connection needs outside a run (a document waits for an item this source cannot read by id). */
    private volatile boolean manualPass;

    EntitySource(SourceContext ctx, String connectionId, EntityReader reader) {
        this.ctx = ctx;
        this.connectionId = connectionId;
        this.reader = reader;
        this.key = new CursorKeyValue(connectionId, ctx.system(), reader.entity());
    }

    io.sxs.schemas.common.EntityType entity() {
        return reader.entity();
    }

    /** When this entity was last polled and will be next (null: not yet / due now). */
    Instant lastPollAt() {
        return lastPollAt;
    }

    Instant nextPollAt() {
        return nextPollAt;
    }

    /** Webhook news: these items changed at about {@code eventAt} (null: unknown). */
    void hint(List<String> ids, Instant eventAt) {
        hint(ids, eventAt, false);
    }

    /** @param evenIfManual read also on a MANUAL connection (the mapper needs them to finish what a run started) */
    void hint(List<String> ids, Instant eventAt, boolean evenIfManual) {
        if (evenIfManual) {
            manualHints = true;
        }
        synchronized (hints) {
            if (hints.isEmpty()) {
                hintsSince = Instant.now(); // the linger is real time: it waits for more webhooks, not for the API
            }
            ids.forEach(id -> hints.merge(id, eventAt == null ? Instant.MAX : eventAt,
                    (a, b) -> a.isAfter(b) ? a : b));
        }
        ctx.scheduler().wake(connectionId);
    }

    /** A sync run: one pass of this entity now (also on a MANUAL connection); {@code full}: from the start, forced. */
    void requestRun(String runId, boolean full) {
        runRequested = runId;
        runFull = full;
        ctx.scheduler().wake(connectionId);
    }

    /** A person's re-sync of these items: read them now and write them again even if unchanged. */
    void resync(List<String> ids, String runId) {
        if (reader.maxIdsPerRead() == 0) {
            requestRun(runId, true); // this source cannot read by id: a full pass re-syncs them with the rest
            return;
        }
        synchronized (resyncs) {
            ids.forEach(id -> resyncs.put(id, runId));
        }
        ctx.scheduler().wake(connectionId);
    }

    private boolean resyncsDue() {
        synchronized (resyncs) {
            return !resyncs.isEmpty();
        }
    }

    @Override
    public Lane lane() {
        if (hintsDue(Instant.now()) || resyncsDue()) {
            return Lane.READ;
        }
        if (pass != null) {
            return pass.initial() ? Lane.BACKFILL : Lane.READ;
        }
        return PollPass.isInitial(ctx.cursors().get(key)) ? Lane.BACKFILL : Lane.READ;
    }

    @Override
    public Duration delay() {
        ConnectionConfig config = activeConfig();
        if (config == null) {
            return IDLE_RECHECK;
        }
        Instant now = ctx.clock().instant();
        Instant real = Instant.now();
        if (failedFor != null && !failedFor.equals(config.getUpdatedAt())) {
            retryAt = null; // saved again (new credentials, new settings): try at once rather than after the back-off
            failedFor = null;
        }
        if (retryAt != null && real.isBefore(retryAt)) {
            return Duration.between(real, retryAt);
        }
        ApiBudget budget = ctx.connector().budget(config);
        if (hintsDue(real) || resyncsDue()) {
            return budget.waitTime(Lane.READ);
        }
        if (pass != null || runRequested != null) {
            return budget.waitTime(lane());
        }
        Duration wait = nextPollAt == null || !now.isBefore(nextPollAt) ? Duration.ZERO : Duration.between(now, nextPollAt);
        // The poll allowance bounds idle polling; an entity's first pass is the initial sync, paced by the lanes only.
        boolean initial = PollPass.isInitial(ctx.cursors().get(key));
        wait = max(wait, max(initial ? Duration.ZERO : budget.polls().waitTime(), budget.waitTime(lane())));
        Instant hintsAt = hintsDueAt();
        return hintsAt == null ? wait : min(wait, max(Duration.ZERO, Duration.between(real, hintsAt)));
    }

    @Override
    public boolean step() {
        ConnectionConfig config = activeConfig();
        if (config == null) {
            return true;
        }
        Instant now = ctx.clock().instant();
        try {
            if (resyncsDue()) {
                readResyncs(config, now);
            } else if (hintsDue(Instant.now())) {
                readHinted(config, now);
            } else {
                poll(config, now);
            }
            failures = 0;
            retryAt = null;
        } catch (ApiException e) {
            failed(config, e.kind() + " (HTTP " + e.httpStatus() + "): " + e.getMessage(), e.kind());
        } catch (SecretCipher.SecretException e) {
            failed(config, e.getMessage(), ApiException.Kind.UNAUTHORISED);
        }
        return true;
    }

    private void poll(ConnectionConfig config, Instant now) throws ApiException {
        ApiBudget budget = ctx.connector().budget(config);
        if (pass == null) {
            String run = runRequested;
            if (run == null && config.getSyncMode() != SyncMode.AUTOMATIC && !manualPass) {
                return; // a MANUAL connection reads only in a sync run (and what the run's documents need)
            }
            manualPass = false;
            // A run is a person's request: it does not wait for the idle-poll allowance (the lanes still pace it).
            if (run == null && !PollPass.isInitial(ctx.cursors().get(key)) && !budget.polls().tryTake()) {
                return;
            }
            passRun = run;
            passFull = run != null && runFull;
            runRequested = null;
            SourceCursor committed = ctx.cursors().get(key);
            pass = passFull ? PollPass.full(committed, ctx.settings().overlap(), reader.orderedByModification(),
                    reader.snapshot() ? reader.entity() : null)
                    : reader.snapshot() ? PollPass.snapshot(committed, reader.entity())
                    : new PollPass(committed, ctx.settings().overlap(), reader.orderedByModification());
            lastPollAt = now;
        }
        ConnectionContext context = new ConnectionContext(config, ctx.cipher(), lane());
        int next = nextSummary();
        if (next >= 0) {
            ReadItem full = reader.detail(context, pageItems.get(next));
            pageItems.set(next, full);
            pass.alsoSeen(full);
        } else {
            ReadPage page = reader.read(context, pass.since(), pass.page());
            pageStep = pass.accept(page, now);
            pageRead = page.items().size();
            for (ReadItem item : pageStep.fresh()) {
                SpecificRecordBase known = item.summary() ? ctx.recentWrites().sameVersion(connectionId, reader.entity(),
                        item.sourceId(), item.sourceVersion()) : null;
                pageItems.add(known != null ? item.withPayload(known) : item);
            }
        }
        if (nextSummary() < 0) {
            emitPage(config, now);
        }
    }

    private int nextSummary() {
        for (int i = 0; i < pageItems.size(); i++) {
            if (pageItems.get(i).summary()) {
                return i;
            }
        }
        return -1;
    }

    private void emitPage(ConnectionConfig config, Instant now) {
        PollPass.Step step = pageStep;
        SourceCursor committed = ctx.cursors().get(key);
        boolean firstPass = committed == null || committed.getPasses() == 0;
        boolean passLog = step.passDone() && (step.emittedInPass() > 0 || firstPass || passRun != null);
        boolean cursorChanged = !PollPass.sameProgress(committed, step.cursor()) || (step.passDone() && firstPass);
        ChangeCause cause = passRun == null ? ChangeCause.POLL : passFull ? ChangeCause.RESYNC : ChangeCause.RECONCILE;
        emit(pageItems, cause, pageRead, passLog ? step.emittedInPass() : -1, cursorChanged ? step.cursor() : null, now,
                passRun);
        pageItems.clear();
        if (step.passDone()) {
            pass = null;
            passRun = null;
            passFull = false;
            nextPollAt = now.plus(interval(config));
        }
    }

    private boolean ownWrite(String id, Instant eventAt) {
        if (reader.readsOwnWrites()) {
            return false;
        }
        for (EntityType entity : reader.announcedBy()) {
            if (ctx.recentWrites().announcesOwnWrite(connectionId, entity, id, eventAt)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the items webhooks named (up to one call's worth), skipping the news of the pipeline's own writes. */
    private void readHinted(ConnectionConfig config, Instant now) throws ApiException {
        List<String> ids = new ArrayList<>();
        synchronized (hints) {
            Iterator<Map.Entry<String, Instant>> it = hints.entrySet().iterator();
            int max = reader.maxIdsPerRead();
            while (it.hasNext() && (max == 0 || ids.size() < max)) {
                Map.Entry<String, Instant> hint = it.next();
                it.remove();
                Instant eventAt = hint.getValue() == Instant.MAX ? null : hint.getValue();
                if (!ownWrite(hint.getKey(), eventAt)) {
                    ids.add(hint.getKey());
                }
            }
            if (hints.isEmpty()) {
                hintsSince = null;
                manualHints = false;
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        if (reader.maxIdsPerRead() == 0) {
            nextPollAt = now; // no targeted reads for this entity: the news brings the next poll forward instead
            if (config.getSyncMode() != SyncMode.AUTOMATIC) {
                manualPass = true;
            }
            return;
        }
        List<ReadItem> items;
        try {
            items = reader.readByIds(new ConnectionContext(config, ctx.cipher(), Lane.READ), ids);
        } catch (ApiException e) {
            if (e.retryable()) {
                hint(ids, null); // read them later
            }
            throw e;
        }
        List<ReadItem> fresh = new ArrayList<>();
        SourceCursor cursor;
        if (pass != null) {
            items.stream().filter(pass::alsoSeen).forEach(fresh::add);
            cursor = fresh.isEmpty() ? null : pass.cursor(now);
        } else {
            PollPass.Step step = PollPass.targeted(ctx.cursors().get(key), items, now);
            fresh.addAll(step.fresh());
            cursor = fresh.isEmpty() ? null : step.cursor();
        }
        emit(fresh, ChangeCause.WEBHOOK, items.size(), -1, cursor, now, null);
    }

    /** Reads the items a person asked to re-sync and emits them all (seen or not) as RESYNC. */
    private void readResyncs(ConnectionConfig config, Instant now) throws ApiException {
        List<String> ids = new ArrayList<>();
        String run = null;
        synchronized (resyncs) {
            Iterator<Map.Entry<String, String>> it = resyncs.entrySet().iterator();
            int max = reader.maxIdsPerRead();
            while (it.hasNext() && ids.size() < max) {
                Map.Entry<String, String> e = it.next();
                it.remove();
                ids.add(e.getKey());
                run = run == null ? e.getValue() : run;
            }
        }
        List<ReadItem> items;
        try {
            items = reader.readByIds(new ConnectionContext(config, ctx.cipher(), Lane.READ), ids);
        } catch (ApiException e) {
            if (e.retryable()) {
                resync(ids, run);
            }
            throw e;
        }
        SourceCursor cursor = null;
        if (pass == null) {
            PollPass.Step step = PollPass.targeted(ctx.cursors().get(key), items, now);
            cursor = step.fresh().isEmpty() ? null : step.cursor();
        } else {
            items.forEach(pass::alsoSeen);
        }
        emit(items, ChangeCause.RESYNC, items.size(), -1, cursor, now, run);
    }

    /** One transaction: the change records (or errors) of the items, the sync-log entries and the cursor. */
    private void emit(List<ReadItem> items, ChangeCause cause, int readCount, long passCount, SourceCursor cursor, Instant now,
                      String runId) {
        if (items.isEmpty() && passCount < 0 && cursor == null) {
            return; // nothing new: an idle poll writes nothing
        }
        ctx.producers().inTransaction(producer -> {
            String topic = Topics.changes(ctx.system());
            for (ReadItem item : items) {
                if (item.invalidReason() != null) {
                    producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                            SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.INVALID_INPUT, ctx.system(), item.entity())
                                    .setItemId(item.sourceId()).setMessage(item.invalidReason()).build()));
                    continue;
                }
                producer.send(new ProducerRecord<>(topic, connectionId, changeRecord(item, cause, now)));
            }
            if (!items.isEmpty()) {
                // One entry per entity the page held (an invoice page brings credit notes or bills), so counts add up.
                Map<io.sxs.schemas.common.EntityType, Integer> perEntity = new java.util.EnumMap<>(io.sxs.schemas.common.EntityType.class);
                items.forEach(item -> perEntity.merge(item.entity(), 1, Integer::sum));
                perEntity.forEach((entity, count) -> producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                        SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.READ, ctx.system(), entity)
                                .setCount(count).setRunId(runId).setMessage(causeNote(cause)
                                        + "read " + readCount + ", new " + count + (perEntity.size() > 1 ? " " + entity : ""))
                                .build())));
            }
            if (passCount >= 0) {
                producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                        SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.PASS_COMPLETE, ctx.system(), reader.entity())
                                .setCount(passCount).setRunId(runId)
                                .setMessage(causeNote(cause) + "pass complete, " + passCount + " new").build()));
            }
            if (cursor != null) {
                producer.send(new ProducerRecord<>(Topics.SOURCE_CURSORS,
                        ConnectionPartitioner.partitionFor(connectionId, ctx.cursorPartitions()), key.toAvro(), cursor));
            }
        });
        if (cursor != null) {
            ctx.cursors().put(key, cursor);
        }
    }

    private static String causeNote(ChangeCause cause) {
        return switch (cause) {
            case POLL -> "";
            case WEBHOOK -> "webhook: ";
            case RECONCILE -> "sync run: ";
            case RESYNC -> "re-sync: ";
        };
    }

    private ChangeRecord changeRecord(ReadItem item, ChangeCause cause, Instant now) {
        SpecificRecordBase payload = item.payload();
        return ChangeRecord.newBuilder()
                .setEventId(UUID.randomUUID().toString()).setConnectionId(connectionId).setSystem(ctx.system())
                .setEntity(item.entity()).setSourceId(item.sourceId()).setSourceVersion(item.sourceVersion())
                .setOperation(item.operation())
                .setContentHash(item.operation() == Operation.DELETE ? ContentHasher.DELETED : ContentHasher.hash(payload))
                .setObservedAt(now).setCause(cause).setPayload(payload).build();
    }

    private void failed(ConnectionConfig config, String message, ApiException.Kind kind) {
        failures++;
        failedFor = config.getUpdatedAt();
        Duration backoff = switch (kind) {
            // The budget already holds the Retry-After; look again shortly after it.
            case RATE_LIMITED -> Duration.ofSeconds(1);
            case UNAUTHORISED -> MAX_BACKOFF;
            default -> Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures, 9)));
        };
        retryAt = Instant.now().plus(backoff); // a back-off waits out trouble, in real time
        log.warn("{} {} of {} failed ({} in a row; next try in {}): {}", ctx.system(), reader.entity(), connectionId,
                failures, backoff, message);
        if (failures == 1) {
            try {
                ctx.producers().inTransaction(producer -> producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                        SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.FAILED, ctx.system(), reader.entity())
                                .setMessage(message).build())));
            } catch (RuntimeException e) {
                log.warn("Could not log the failed poll of {}: {}", connectionId, e.toString());
            }
        }
    }

    private Duration interval(ConnectionConfig config) {
        Duration configured = Duration.ofMillis(Math.max(100, config.getPollIntervalMs()));
        Duration floor = max(reader.pollFloor(ctx.settings().safetyNet()),
                ctx.connector().webhooksCover(config, reader.entity()) ? ctx.settings().safetyNet() : Duration.ZERO);
        return max(configured, floor);
    }

    private ConnectionConfig activeConfig() {
        ConnectionConfig config = ctx.registry().get(connectionId).orElse(null);
        if (config == null || config.getStatus() != ConnectionStatus.ACTIVE
                || config.getSyncMode() != SyncMode.AUTOMATIC && runRequested == null && pass == null && !resyncsDue()
                        && !manualHints && !manualPass
                || !ctx.ownership().owns(connectionId) || !ctx.checks().passed(config)
                || !ReadScope.wanted(config, reader.entities())) {
            return null;
        }
        return config;
    }

    private boolean hintsDue(Instant now) {
        Instant at = hintsDueAt();
        return at != null && !now.isBefore(at);
    }

    private Instant hintsDueAt() {
        synchronized (hints) {
            return hints.isEmpty() ? null : hintsSince.plus(ctx.settings().hintLinger());
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "EntitySource[" + connectionId + " " + ctx.system() + " " + reader.entity() + "]";
    }
}
