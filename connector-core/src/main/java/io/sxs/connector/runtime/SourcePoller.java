package io.sxs.connector.runtime;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.log.SyncLogs;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeCause;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionStatus;
import io.sxs.schemas.envelope.CursorKey;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls every owned, active, automatic connection for each entity when it is due, and emits the change records of a
 * page together with the advanced cursor in one Kafka transaction: a cursor never runs ahead of records Kafka has
 * accepted. Each poll re-reads {@code overlap} before the watermark; records already emitted (id and version in the
 * cursor's seen set) are dropped, so overlap costs API reads, not duplicate change records.
 */
final class SourcePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);
    private static final int MAX_PAGES_PER_CYCLE = 1000;

    private final ConnectorSettings settings;
    private final SystemType system;
    private final List<EntityReader> readers;
    private final ConnectionRegistry registry;
    private final ConnectionOwnership ownership;
    private final SecretCipher cipher;
    private final KafkaProducer<Object, SpecificRecordBase> producer;
    private final Map<CursorKeyValue, SourceCursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextPoll = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private int cursorPartitions;

    SourcePoller(ConnectorSettings settings, SystemType system, List<EntityReader> readers, ConnectionRegistry registry,
                 ConnectionOwnership ownership, SecretCipher cipher) {
        this.settings = settings;
        this.system = system;
        this.readers = List.copyOf(readers);
        this.registry = registry;
        this.ownership = ownership;
        this.cipher = cipher;
        this.producer = KafkaClients.transactionalProducer(settings,
                "sxs-source-" + system.name().toLowerCase() + "-" + settings.instanceId());
        this.thread = new Thread(this::run, "sxs-source-" + system.name().toLowerCase());
    }

    void start() {
        producer.initTransactions();
        loadCursors();
        thread.start();
    }

    private void loadCursors() {
        try (KafkaConsumer<CursorKey, SourceCursor> consumer = KafkaClients.avroConsumer(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SOURCE_CURSORS, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            cursorPartitions = partitions.size();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<CursorKey, SourceCursor> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.key() != null && rec.key().getSystem() == system) {
                        CursorKeyValue key = CursorKeyValue.of(rec.key());
                        if (rec.value() == null) {
                            cursors.remove(key);
                        } else {
                            cursors.put(key, rec.value());
                        }
                    }
                }
            }
        }
        log.info("{} source loaded {} cursors", system, cursors.size());
    }

    private void run() {
        while (running) {
            try {
                Instant now = Instant.now();
                for (ConnectionConfig config : registry.all()) {
                    String id = config.getConnectionId();
                    if (!running || config.getStatus() != ConnectionStatus.ACTIVE || !ownership.owns(id)) {
                        continue;
                    }
                    // MANUAL connections wait for a sync run, which the control API (a later issue) will start.
                    boolean due = config.getSyncMode() == SyncMode.AUTOMATIC && !now.isBefore(nextPoll.getOrDefault(id, Instant.EPOCH));
                    if (due) {
                        long delay = pollConnection(config);
                        nextPoll.put(id, Instant.now().plusMillis(Math.max(delay, config.getPollIntervalMs())));
                    }
                }
                synchronized (this) {
                    if (running) {
                        wait(settings.tick().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ProducerFencedException e) {
                log.error("{} source fenced by a newer instance with the same id; stopping", system);
                return;
            } catch (RuntimeException e) {
                log.error("{} source loop error", system, e);
            }
        }
    }

    /** Polls all entities of one connection; returns how long to wait at least before the next poll (rate limits). */
    private long pollConnection(ConnectionConfig config) {
        ConnectionContext context = new ConnectionContext(config, cipher);
        long backoffMs = 0;
        for (EntityReader reader : readers) {
            try {
                pollEntity(context, reader);
            } catch (ApiException e) {
                backoffMs = Math.max(backoffMs, e.retryAfterSeconds() * 1000);
                logFailure(config.getConnectionId(), reader, e.kind() + " (HTTP " + e.httpStatus() + "): " + e.getMessage());
                if (e.kind() == ApiException.Kind.RATE_LIMITED || e.kind() == ApiException.Kind.UNAUTHORISED) {
                    break;
                }
            } catch (SecretCipher.SecretException e) {
                logFailure(config.getConnectionId(), reader, e.getMessage());
                break;
            }
        }
        return backoffMs;
    }

    private void pollEntity(ConnectionContext context, EntityReader reader) throws ApiException {
        CursorKeyValue key = new CursorKeyValue(context.connectionId(), system, reader.entity());
        PollPass pass = new PollPass(cursors.get(key), settings.overlap(), reader.orderedByModification());
        for (int pages = 0; pages < MAX_PAGES_PER_CYCLE && running; pages++) {
            ReadPage result = reader.read(context, pass.since(), pass.page());
            PollPass.Step step = pass.accept(result, Instant.now());
            emit(context.connectionId(), reader, step.fresh(), key, step.cursor(), step.passDone() ? step.emittedInPass() : -1,
                    result.items().size());
            if (step.cursor() != null) {
                cursors.put(key, step.cursor());
            }
            if (pass.done()) {
                return;
            }
        }
        if (running) {
            log.warn("{} {} of {} still had pages after {} pages; continuing next poll", system, reader.entity(),
                    context.connectionId(), MAX_PAGES_PER_CYCLE);
        }
    }

    private void emit(String connectionId, EntityReader reader, List<ReadItem> items, CursorKeyValue key, SourceCursor cursor,
                      long passCount, int readCount) {
        producer.beginTransaction();
        try {
            String topic = Topics.changes(system);
            Instant now = Instant.now();
            for (ReadItem item : items) {
                if (item.invalidReason() != null) {
                    producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                            SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.INVALID_INPUT, system, reader.entity())
                                    .setItemId(item.sourceId()).setMessage(item.invalidReason()).build()));
                    continue;
                }
                SpecificRecordBase payload = item.payload();
                ChangeRecord change = ChangeRecord.newBuilder()
                        .setEventId(UUID.randomUUID().toString()).setConnectionId(connectionId).setSystem(system)
                        .setEntity(entityOf(reader, payload)).setSourceId(item.sourceId()).setSourceVersion(item.sourceVersion())
                        .setOperation(item.operation())
                        .setContentHash(item.operation() == io.sxs.schemas.envelope.Operation.DELETE
                                ? ContentHasher.DELETED : ContentHasher.hash(payload))
                        .setObservedAt(now).setCause(ChangeCause.POLL).setPayload(payload).build();
                producer.send(new ProducerRecord<>(topic, connectionId, change));
            }
            if (readCount > 0) {
                producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                        SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.READ, system, reader.entity())
                                .setCount(items.size()).setMessage("read " + readCount + ", new " + items.size()).build()));
            }
            if (passCount >= 0) {
                producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                        SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.PASS_COMPLETE, system, reader.entity())
                                .setCount(passCount).setMessage("pass complete, " + passCount + " new").build()));
            }
            if (cursor != null) {
                producer.send(new ProducerRecord<>(Topics.SOURCE_CURSORS,
                        ConnectionPartitioner.partitionFor(connectionId, cursorPartitions), key.toAvro(), cursor));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            abortQuietly(e);
            throw e;
        }
    }

    /** Credit invoices come through the invoice reader; their entity follows the payload. */
    private static io.sxs.schemas.common.EntityType entityOf(EntityReader reader, SpecificRecordBase payload) {
        if (payload instanceof io.sxs.schemas.entity.Invoice invoice
                && invoice.getDocumentType() == io.sxs.schemas.entity.DocumentType.CREDIT_NOTE) {
            return io.sxs.schemas.common.EntityType.CREDIT_NOTE;
        }
        return reader.entity();
    }

    private void logFailure(String connectionId, EntityReader reader, String message) {
        log.warn("{} poll of {} for {} failed: {}", system, reader.entity(), connectionId, message);
        producer.beginTransaction();
        try {
            producer.send(new ProducerRecord<>(Topics.SYNC_LOG, connectionId,
                    SyncLogs.entry(connectionId, SyncStage.SOURCE, SyncOutcome.FAILED, system, reader.entity()).setMessage(message).build()));
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            abortQuietly(e);
        }
    }

    /** Aborts after a failed send or commit; an abort that itself fails leaves the next begin to report the state. */
    private void abortQuietly(RuntimeException cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.warn("{} source could not abort a transaction: {}", system, e.toString());
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            running = false;
            notifyAll();
        }
        try {
            // Let a poll in progress finish its transaction; interrupt only a poll that hangs.
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Value-typed cursor key (Avro records are not reliable map keys). */
    private record CursorKeyValue(String connectionId, SystemType system, io.sxs.schemas.common.EntityType entity) {
        static CursorKeyValue of(CursorKey key) {
            return new CursorKeyValue(key.getConnectionId(), key.getSystem(), key.getEntity());
        }

        CursorKey toAvro() {
            return CursorKey.newBuilder().setConnectionId(connectionId).setSystem(system).setEntity(entity).build();
        }
    }
}
