package io.sxs.connector.runtime;

import io.sxs.connector.budget.Lane;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.preflight.PreflightState;
import io.sxs.connector.runtime.SourceContext.CursorKeyValue;
import io.sxs.connector.schedule.ConnectionScheduler;
import io.sxs.connector.schedule.Job;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionFacts;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.CursorKey;
import io.sxs.schemas.envelope.SourceCursor;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncMode;
import io.sxs.schemas.secret.SecretCipher;
import io.sxs.schemas.topic.ConnectionPartitioner;
import io.sxs.schemas.topic.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connector instance for one system: the connections table, the command sink (whose partition assignment decides
 * which connections this instance owns), and for each owned connection a slot on a shared {@link ConnectionScheduler}
 * with one {@link EntitySource} per entity and one {@link WriteJob}. Threads are fixed per instance (the scheduler's
 * workers, the sink's consumer, the producers), whatever the number of connections.
 */
public final class ConnectorRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectorRuntime.class);
    private static final int RECENT_WRITES = 50_000;

    private final ConnectorSettings settings;
    private final SystemConnector connector;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ConnectionRegistry registry;
    private final ConnectionChecks checks;
    private final ConnectionOwnership ownership = new ConnectionOwnership();
    private final CredentialsTable credentials;
    private final Map<String, List<SourceHint>> early = new ConcurrentHashMap<>();
    private final ConnectionScheduler scheduler;
    private final SourceProducers producers;
    private final RecentWrites recentWrites = new RecentWrites(RECENT_WRITES);
    private final Map<CursorKeyValue, SourceCursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, CommandQueue> queues = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger queued = new java.util.concurrent.atomic.AtomicInteger();
    private final Map<String, List<EntitySource>> sources = new ConcurrentHashMap<>();
    private final Set<String> prepared = ConcurrentHashMap.newKeySet();
    /** Connections whose budget was last seen parked, and until when (to log parks and resumptions once). */
    private final Map<String, Instant> parked = new ConcurrentHashMap<>();
    private long reconciled;
    private final CommandSink sink;
    private final KafkaProducer<Object, SpecificRecordBase> tombstones;
    private SourceContext sourceContext;

    public ConnectorRuntime(ConnectorSettings settings, SystemConnector connector, SecretCipher cipher) {
        this(settings, connector, cipher, Clock.systemUTC());
    }

    /** @param clock the clock of the APIs' budgets and of every schedule (a test clock moves them) */
    public ConnectorRuntime(ConnectorSettings settings, SystemConnector connector, SecretCipher cipher, Clock clock) {
        if (connector.writer().system() != connector.system()) {
            throw new IllegalArgumentException("Writer is for " + connector.writer().system() + ", connector for " + connector.system());
        }
        this.settings = settings;
        this.connector = connector;
        this.cipher = cipher;
        this.clock = clock;
        String system = connector.system().name().toLowerCase();
        this.registry = new ConnectionRegistry(settings, "sxs-" + system);
        this.scheduler = new ConnectionScheduler("sxs-" + system, settings.workers(), clock, settings.tick());
        this.credentials = new CredentialsTable(settings, "sxs-" + system + "-credentials", scheduler::wake);
        this.checks = new ConnectionChecks(settings, connector.system(), scheduler::wake, registry::linkRefusal, credentials);
        this.producers = new SourceProducers(settings, "sxs-source-" + system + "-" + settings.instanceId(), settings.workers());
        this.sink = new CommandSink(this, settings);
        this.tombstones = KafkaClients.plainProducer(settings);
    }

    public void start() throws InterruptedException {
        registry.start();
        if (!registry.awaitLoaded(Duration.ofSeconds(60))) {
            throw new IllegalStateException("Connections topic could not be read within 60 s");
        }
        credentials.start();
        connector.useCredentials(credentials);
        checks.start();
        int partitions = loadCursors();
        producers.start();
        sourceContext = new SourceContext(settings, connector.system(), connector, registry, checks, ownership, cipher, recentWrites,
                producers, cursors, partitions, scheduler, clock);
        scheduler.start();
        sink.start();
    }

    public SystemType system() {
        return connector.system();
    }

    ConnectionRegistry registry() {
        return registry;
    }

    /** The pre-flight verdicts of the connections (the same on every instance: they are derived from shared facts). */
    public ConnectionChecks checks() {
        return checks;
    }

    ConnectionOwnership ownership() {
        return ownership;
    }

    /** Threads this runtime runs besides the Kafka clients' own (the scheduler's workers and the sink's consumer). */
    public int threads() {
        return scheduler.workerCount() + 1;
    }

    /** Whether the runtime's own threads live: the sources' workers and the sink's consumer. */
    public record Liveness(long workersAlive, int workers, boolean sinkAlive) {
        public boolean alive() {
            return workersAlive == workers && sinkAlive;
        }
    }

    public Liveness liveness() {
        return new Liveness(scheduler.aliveWorkers(), scheduler.workerCount(), sink.alive());
    }

    /** Steps the scheduler ran so far. */
    public long steps() {
        return scheduler.steps();
    }

    /** What this instance knows about one connection it owns, or empty when it does not own it. */
    public Optional<ConnectionRuntimeStatus> status(String connectionId) {
        ConnectionConfig config = registry.get(connectionId).orElse(null);
        if (config == null || !ownership.owns(connectionId)) {
            return Optional.empty();
        }
        Map<EntityType, Instant> last = new EnumMap<>(EntityType.class);
        Map<EntityType, Instant> next = new EnumMap<>(EntityType.class);
        Map<EntityType, String> watermarks = new EnumMap<>(EntityType.class);
        for (EntitySource source : sources.getOrDefault(connectionId, List.of())) {
            if (source.lastPollAt() != null) {
                last.put(source.entity(), source.lastPollAt());
            }
            if (source.nextPollAt() != null) {
                next.put(source.entity(), source.nextPollAt());
            }
            SourceCursor cursor = cursors.get(new CursorKeyValue(connectionId, connector.system(), source.entity()));
            if (cursor != null) {
                watermarks.put(source.entity(), cursor.getWatermark() == null ? "passes " + cursor.getPasses()
                        : cursor.getWatermark() + " (passes " + cursor.getPasses() + ")");
            }
        }
        CommandQueue queue = queues.get(connectionId);
        return Optional.of(new ConnectionRuntimeStatus(connectionId, connector.system(), connector.budget(config).status(),
                queue == null ? 0 : queue.size(), last, next, watermarks, prepared.contains(connectionId),
                checks.verdict(config)));
    }

    /** Brings the slots in line with the connections table and the partitions owned (sink thread, about once a second). */
    void reconcile() {
        Set<String> wanted = new HashSet<>();
        for (ConnectionConfig config : registry.all()) {
            String id = config.getConnectionId();
            if (config.getStatus() != ConnectionStatus.REMOVED && ownership.owns(id)) {
                wanted.add(id);
                ensureSlot(config);
            }
        }
        for (String id : new ArrayList<>(sources.keySet())) {
            if (!wanted.contains(id)) {
                scheduler.remove(id);
                sources.remove(id);
                prepared.remove(id);
                parked.remove(id);
                checks.forget(id);
            }
        }
        if (reconciled % 10 == 0) {
            reportParks(wanted);
        }
        if (reconciled++ % 10 == 0) {
            maintain(wanted);
            forgetDeleted();
        }
    }

    /**
     * Deletes what this system keeps of connections deleted from the connections topic (removed with their ID map):
     * source cursors, pre-flight facts and saved credentials, so the same id added again starts from nothing. Checked
     * again every ten passes, so a cursor a poll still in progress committed after the deletion goes too.
     */
    private void forgetDeleted() {
        java.util.function.Predicate<String> deleted = id -> registry.get(id).isEmpty();
        int cursorsDeleted = 0;
        for (CursorKeyValue key : List.copyOf(cursors.keySet())) {
            if (deleted.test(key.connectionId()) && !sources.containsKey(key.connectionId())) {
                KafkaClients.sendAndWait(tombstones, new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.SOURCE_CURSORS,
                        ConnectionPartitioner.partitionFor(key.connectionId(), sourceContext.cursorPartitions()), key.toAvro(), null),
                        "the deletion of a cursor of " + key.connectionId());
                cursors.remove(key);
                cursorsDeleted++;
            }
        }
        int rows = checks.deleteFactsOf(deleted) + credentials.deleteOf(deleted, connector.system());
        if (cursorsDeleted + rows > 0) {
            log.info("{}: deleted {} cursors and {} facts and credentials rows of connections deleted with their ID map",
                    connector.system(), cursorsDeleted, rows);
        }
    }

    /** The connector's upkeep of the connections owned here, paused ones too (e.g. keeping unused grants alive). */
    private void maintain(Set<String> owned) {
        for (String id : owned) {
            ConnectionConfig config = registry.get(id).orElse(null);
            if (config == null || checks.verdict(config).state() == PreflightState.REFUSED) {
                continue;
            }
            try {
                connector.maintain(new ConnectionContext(config, cipher, Lane.READ));
            } catch (ApiException | RuntimeException e) {
                log.warn("{} upkeep of connection {} failed (tried again in 10 s): {}", connector.system(), id, e.toString());
            }
        }
    }

    /** Says once when a connection's API account parks (a spent day, a long Retry-After) and when it resumes. */
    private void reportParks(Set<String> owned) {
        for (String id : owned) {
            ConnectionConfig config = registry.get(id).orElse(null);
            if (config == null) {
                continue;
            }
            io.sxs.connector.budget.BudgetStatus status = connector.budget(config).status();
            Instant before = parked.get(id);
            if (status.parkedUntil() != null && !status.parkedUntil().equals(before)) {
                parked.put(id, status.parkedUntil());
                log.warn("{} calls of connection {} are parked until {}: {}", connector.system(), id, status.parkedUntil(),
                        status.reason());
            } else if (status.parkedUntil() == null && before != null) {
                parked.remove(id);
                log.info("{} calls of connection {} resume", connector.system(), id);
            }
        }
    }

    private void ensureSlot(ConnectionConfig config) {
        String id = config.getConnectionId();
        if (sources.containsKey(id)) {
            return;
        }
        CommandQueue queue = queues.computeIfAbsent(id, k -> new CommandQueue(queued));
        List<EntitySource> entitySources = new ArrayList<>();
        for (EntityReader reader : connector.readers()) {
            entitySources.add(new EntitySource(sourceContext, id, reader));
        }
        sources.put(id, entitySources);
        scheduler.add(id, new WriteJob(id, queue, connector, registry, cipher, recentWrites, sink::completed,
                settings.writeLinger(), credentials::authRequired));
        scheduler.add(id, new PreflightJob(id));
        scheduler.add(id, new PrepareJob(id));
        entitySources.forEach(source -> scheduler.add(id, source));
        List<SourceHint> waiting = early.remove(id);
        if (waiting != null) {
            waiting.forEach(this::hint);
        }
    }

    /** A consumed command: queued with its connection's write job. */
    void enqueue(CommandQueue.Entry entry) {
        String id = entry.command().getConnectionId();
        queues.computeIfAbsent(id, k -> new CommandQueue(queued)).add(entry);
        registry.get(id).ifPresent(this::ensureSlot);
        scheduler.wake(id);
    }

    void hint(SourceHint hint) {
        String id = hint.getConnectionId();
        if (!sources.containsKey(id)) {
            registry.get(id).filter(c -> c.getStatus() != ConnectionStatus.REMOVED).ifPresent(this::ensureSlot);
        }
        if (!sources.containsKey(id)) {
            // The connection is newer than this instance's table: kept until its slot exists (a run asked at once).
            List<SourceHint> waiting = early.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>());
            if (waiting.size() < 1000) {
                waiting.add(hint);
            }
            return;
        }
        for (EntitySource source : sources.getOrDefault(hint.getConnectionId(), List.of())) {
            if (source.entity() == hint.getEntity()) {
                if (hint.getRunId() != null && hint.getIds().isEmpty()) {
                    source.requestRun(hint.getRunId(), hint.getCause() == io.sxs.schemas.envelope.ChangeCause.RESYNC);
                } else if (hint.getCause() == io.sxs.schemas.envelope.ChangeCause.RESYNC) {
                    source.resync(hint.getIds(), hint.getRunId());
                } else if (hint.getSource().startsWith("mapper")) {
                    source.hint(hint.getIds(), hint.getEventAt(), true); // a run's documents need these, manual or not
                } else if (registry.get(hint.getConnectionId()).map(c -> c.getSyncMode() == SyncMode.AUTOMATIC).orElse(false)) {
                    source.hint(hint.getIds(), hint.getEventAt());
                } // a MANUAL connection's webhook news waits for its next run, whose pass finds the change
                return;
            }
        }
        log.debug("No {} source for a hint about {} of {}", connector.system(), hint.getEntity(), hint.getConnectionId());
    }

    /** Stops the connections of partitions this instance no longer owns; steps in progress finish first. */
    void release(Set<Integer> partitions) {
        for (String id : new ArrayList<>(sources.keySet())) {
            int count = Math.max(1, ownership.partitionCount());
            if (partitions.contains(ConnectionPartitioner.partitionFor(id, count))) {
                if (!scheduler.removeAndAwait(id, Duration.ofSeconds(30))) {
                    log.warn("A step of {} was still running when its partition was revoked", id);
                }
                sources.remove(id);
                prepared.remove(id);
            }
        }
    }

    void dropQueued(Set<TopicPartition> partitions) {
        queues.values().forEach(q -> q.dropPartitions(partitions));
    }

    int queuedCommands() {
        return queued.get();
    }

    private int loadCursors() {
        try (KafkaConsumer<CursorKey, SourceCursor> consumer = KafkaClients.avroConsumer(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SOURCE_CURSORS, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<CursorKey, SourceCursor> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.key() != null && rec.key().getSystem() == connector.system()) {
                        CursorKeyValue key = CursorKeyValue.of(rec.key());
                        if (rec.value() == null) {
                            cursors.remove(key);
                        } else {
                            cursors.put(key, rec.value());
                        }
                    }
                }
            }
            log.info("{} source loaded {} cursors", connector.system(), cursors.size());
            return partitions.size();
        }
    }

    @Override
    public void close() {
        scheduler.close();
        sink.close();
        producers.close();
        checks.close();
        credentials.close();
        tombstones.close(Duration.ofSeconds(5));
        registry.close();
    }

    /**
     * A job that sets a connection up, once or now and then, on the read lane: it runs when {@link #due} says so and
     * neither its own retry pause nor the API budget says to wait.
     */
    private abstract class ConnectionSetUpJob implements Job {
        final String connectionId;
        Instant retryAt = Instant.EPOCH;
        int failures;

        ConnectionSetUpJob(String connectionId) {
            this.connectionId = connectionId;
        }

        /** True when the job has work for this connection now (re-asked every 5 s, and on every wake-up). */
        abstract boolean due(ConnectionConfig config, Instant now);

        @Override
        public Lane lane() {
            return Lane.READ;
        }

        @Override
        public Duration delay() {
            ConnectionConfig config = registry.get(connectionId).orElse(null);
            Instant now = Instant.now();
            if (config == null || config.getStatus() != ConnectionStatus.ACTIVE || !due(config, now)) {
                return Duration.ofSeconds(5);
            }
            Duration wait = now.isBefore(retryAt) ? Duration.between(now, retryAt) : Duration.ZERO;
            Duration budget = connector.budget(config).waitTime(Lane.READ);
            return wait.compareTo(budget) >= 0 ? wait : budget;
        }
    }

    /** Runs the connector's one-time set-up of a connection (webhook subscriptions) before polling needs it. */
    private final class PrepareJob extends ConnectionSetUpJob {

        PrepareJob(String connectionId) {
            super(connectionId);
        }

        @Override
        boolean due(ConnectionConfig config, Instant now) {
            return config.getSyncMode() == SyncMode.AUTOMATIC && checks.passed(config);
        }

        @Override
        public boolean step() {
            ConnectionConfig config = registry.get(connectionId).orElse(null);
            if (config == null) {
                return true;
            }
            try {
                connector.prepare(new ConnectionContext(config, cipher, Lane.READ));
                prepared.add(connectionId);
                return false;
            } catch (ApiException | RuntimeException e) {
                failures++;
                retryAt = Instant.now().plus(Duration.ofSeconds(Math.min(600, 1L << Math.min(failures, 9))));
                log.warn("{} set-up of {} failed (try {}), again at {}: {}", connector.system(), connectionId, failures,
                        retryAt, e.toString());
                return true;
            }
        }
    }

    /**
     * Reads this system's pre-flight facts of a connection when they are missing, were read for an older version of
     * the connection, could not be read (tried again with a growing pause; a 429 only waits for its Retry-After, and
     * a transient error is published only from its third try on), or refused the connection long ago.
     */
    private final class PreflightJob extends ConnectionSetUpJob {

        PreflightJob(String connectionId) {
            super(connectionId);
        }

        @Override
        boolean due(ConnectionConfig config, Instant now) {
            return checks.factsDue(config, now);
        }

        @Override
        public boolean step() {
            ConnectionConfig config = registry.get(connectionId).orElse(null);
            if (config == null || !checks.factsDue(config, Instant.now())) {
                return true;
            }
            ConnectionFacts.Builder read;
            try {
                read = connector.facts(new ConnectionContext(config, cipher, Lane.READ));
                failures = 0;
            } catch (ApiException e) {
                if (e.kind() == ApiException.Kind.RATE_LIMITED) {
                    // Not a failure: the budget holds the Retry-After and delay() waits for it.
                    retryAt = Instant.now().plusSeconds(Math.max(1, e.retryAfterSeconds()));
                    return true;
                }
                failures++;
                boolean transientError = e.kind() == ApiException.Kind.RETRYABLE;
                long pause = Math.min(3600, (transientError ? 5L : 30L) << Math.min(failures - 1, 10));
                retryAt = Instant.now().plusSeconds(pause);
                log.warn("{} pre-flight read of {} failed (try {}), again at {}: {}", connector.system(), connectionId,
                        failures, retryAt, e.toString());
                if (transientError && failures < 3) {
                    return true;
                }
                read = ConnectionFacts.newBuilder().setError(e.kind() + " (HTTP " + e.httpStatus() + "): " + e.getMessage());
            } catch (RuntimeException e) {
                failures++;
                retryAt = Instant.now().plusSeconds(Math.min(3600, 30L << Math.min(failures - 1, 10)));
                log.warn("{} pre-flight read of {} failed (try {}), again at {}", connector.system(), connectionId, failures,
                        retryAt, e);
                read = ConnectionFacts.newBuilder().setError(e.toString());
            }
            checks.publish(read.setConnectionId(connectionId).setSystem(connector.system()).setReadAt(Instant.now())
                    .setConfigUpdatedAt(config.getUpdatedAt()).build());
            scheduler.wake(connectionId);
            return true;
        }
    }

    /**
     * Reads this system's pre-flight facts of a connection about to be saved (one call for Scoro, on this system's
     * budget) and publishes them for exactly that version of the connection, so that its pre-flight check does not
     * read them again. Fails with the API's error (credentials refused, site unknown) for the caller to report.
     */
    public ConnectionFacts checkCredentials(ConnectionConfig config) throws ApiException {
        ConnectionFacts read = connector.facts(new ConnectionContext(config, cipher, Lane.READ))
                .setConnectionId(config.getConnectionId()).setSystem(connector.system()).setReadAt(Instant.now())
                .setConfigUpdatedAt(config.getUpdatedAt()).build();
        checks.publish(read);
        return read;
    }

    /**
     * Everything this system holds of the given entities for a connection, read in full on the backfill lane of its
     * budget (every page; a summary's details fetched): what the convergence checker compares. It costs the list
     * pages of each entity plus one call per summary (Scoro's views), so it is for an operator's check, not a loop.
     */
    public Map<io.sxs.schemas.common.EntityType, List<io.sxs.connector.source.ReadItem>> readAll(ConnectionConfig config,
            Set<io.sxs.schemas.common.EntityType> entities) throws ApiException {
        ConnectionContext context = new ConnectionContext(config, cipher, Lane.BACKFILL);
        Map<io.sxs.schemas.common.EntityType, List<io.sxs.connector.source.ReadItem>> all = new java.util.EnumMap<>(
                io.sxs.schemas.common.EntityType.class);
        for (EntityReader reader : connector.readers()) {
            if (reader.entities().stream().noneMatch(entities::contains)) {
                continue;
            }
            for (int page = 1; ; page++) {
                io.sxs.connector.source.ReadPage read = reader.read(context, null, page);
                for (io.sxs.connector.source.ReadItem item : read.items()) {
                    io.sxs.connector.source.ReadItem full = item.summary() ? reader.detail(context, item) : item;
                    if (entities.contains(full.entity())) {
                        all.computeIfAbsent(full.entity(), k -> new ArrayList<>()).add(full);
                    }
                }
                if (read.lastPage() || read.items().isEmpty()) {
                    break;
                }
            }
        }
        return all;
    }

    /** The entities this connector reads for {@code config} (what is all OFF is not read, see {@link ReadScope}). */
    public List<io.sxs.schemas.common.EntityType> readEntities(ConnectionConfig config) {
        return connector.readers().stream().filter(r -> ReadScope.wanted(config, r.entities())).map(EntityReader::entity).toList();
    }
}
