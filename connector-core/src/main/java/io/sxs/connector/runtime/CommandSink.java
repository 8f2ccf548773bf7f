package io.sxs.connector.runtime;

import io.sxs.connector.log.SyncLogs;
import io.sxs.connector.sink.Results;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.topic.Topics;
import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's consumer: takes the commands for one system (and the webhook hints, which share its partitioning)
 * from the connections this instance owns, queues each command with its connection's {@link WriteJob}, and
 * publishes the results the jobs produce together with the consumed offsets, in one transaction. A partition's
 * offset advances only past commands whose results are published, so a crash re-consumes exactly the commands
 * whose outcome was not recorded; the writers' idempotency keys and look-ups keep the target free of duplicates.
 */
final class CommandSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandSink.class);
    private static final Duration RECONCILE_EVERY = Duration.ofSeconds(1);

    private final ConnectorRuntime runtime;
    private final ConnectorSettings settings;
    private final KafkaConsumer<String, SpecificRecordBase> consumer;
    private final KafkaProducer<Object, SpecificRecordBase> producer;
    private final String commandsTopic;
    /** Results handed over by write jobs, one list per step, so that one request's results are published together. */
    private final ConcurrentLinkedQueue<List<WriteJob.Completed>> completed = new ConcurrentLinkedQueue<>();
    /** Offsets of commands consumed but not yet answered, per partition (consumer thread only). */
    private final Map<TopicPartition, TreeMap<Long, Integer>> outstanding = new HashMap<>();
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    /**
     * Per command partition, its end offset when this sink was assigned it: a command below it may have been attempted
     * by the partition's previous owner without its result being recorded, so it is marked {@code mayExist} (a target
     * without idempotency keys then looks before it creates). Commands that arrive later were attempted by no one.
     */
    private final Map<TopicPartition, Long> takenOverBelow = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean paused;
    private long nextReconcile;

    CommandSink(ConnectorRuntime runtime, ConnectorSettings settings) {
        this.runtime = runtime;
        this.settings = settings;
        String system = runtime.system().name().toLowerCase();
        this.commandsTopic = Topics.commands(runtime.system());
        this.consumer = KafkaClients.stringKeyConsumer(settings, "sxs-sink-" + system);
        this.producer = KafkaClients.transactionalProducer(settings, "sxs-sink-" + system + "-" + settings.instanceId());
        this.thread = new Thread(this::run, "sxs-sink-" + system);
    }

    void start() {
        producer.initTransactions();
        consumer.subscribe(List.of(commandsTopic, Topics.SOURCE_HINTS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                revoke(revoked);
            }

            @Override
            public void onPartitionsLost(Collection<TopicPartition> lost) {
                revoke(lost);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                List<TopicPartition> commandPartitions = assigned.stream().filter(tp -> tp.topic().equals(commandsTopic)).toList();
                if (!commandPartitions.isEmpty()) {
                    takenOverBelow.putAll(consumer.endOffsets(commandPartitions));
                }
                Set<Integer> mine = commandPartitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
                runtime.ownership().assigned(mine, consumer.partitionsFor(commandsTopic).size());
                nextReconcile = 0;
            }
        });
        thread.start();
    }

    boolean alive() {
        return thread.isAlive();
    }

    /** Called by write jobs (any thread) with the results of one step. */
    void completed(List<WriteJob.Completed> done) {
        if (!done.isEmpty()) {
            completed.add(List.copyOf(done));
        }
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, SpecificRecordBase> records = consumer.poll(Duration.ofMillis(50));
                for (ConsumerRecord<String, SpecificRecordBase> rec : records) {
                    accept(rec);
                }
                publish();
                backpressure();
                long now = System.nanoTime();
                if (now - nextReconcile >= 0) {
                    runtime.reconcile();
                    nextReconcile = now + RECONCILE_EVERY.toNanos();
                }
            }
        } catch (WakeupException | ProducerFencedException e) {
            if (running) {
                log.error("Sink for {} stopped: {}", runtime.system(), e.toString());
            }
        } catch (RuntimeException e) {
            log.error("Sink for {} stopped", runtime.system(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void accept(ConsumerRecord<String, SpecificRecordBase> rec) {
        TopicPartition tp = new TopicPartition(rec.topic(), rec.partition());
        if (rec.value() instanceof SourceHint hint) {
            if (hint.getSystem() == runtime.system() && hint.getConnectionId().equals(rec.key())) {
                runtime.hint(hint);
            }
            return;
        }
        if (!(rec.value() instanceof Command command)) {
            return; // a tombstone or a record of another type: nothing to write
        }
        outstanding.computeIfAbsent(tp, k -> new TreeMap<>()).merge(rec.offset(), 1, Integer::sum);
        Long takenOver = takenOverBelow.get(tp);
        if (takenOver != null && rec.offset() < takenOver) {
            command.setMayExist(true);
        }
        // Lingers are real time: they wait for the mapper and Kafka, not for the API.
        CommandQueue.Entry entry = new CommandQueue.Entry(command, tp, rec.offset(), Instant.now());
        if (!command.getConnectionId().equals(rec.key()) || runtime.registry().get(command.getConnectionId()).isEmpty()) {
            completed.add(List.of(new WriteJob.Completed(Results.failed(command, ResultStatus.REJECTED,
                    "Connection " + command.getConnectionId() + " is not configured", List.of(), 0), entry)));
            return;
        }
        runtime.enqueue(entry);
    }

    /** Publishes the finished results and moves every partition's offset up to its oldest unanswered command. */
    private void publish() {
        List<WriteJob.Completed> done = new ArrayList<>();
        for (List<WriteJob.Completed> step; (step = completed.poll()) != null; ) {
            done.addAll(step);
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = committable(done);
        if (done.isEmpty() && offsets.isEmpty()) {
            return;
        }
        producer.beginTransaction();
        try {
            for (WriteJob.Completed c : done) {
                WriteResult result = c.result();
                producer.send(new ProducerRecord<>(Topics.RESULTS, result.getConnectionId(), result));
                producer.send(new ProducerRecord<>(Topics.SYNC_LOG, result.getConnectionId(), logEntry(result)));
            }
            if (!offsets.isEmpty()) {
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            }
            producer.commitTransaction();
            offsets.forEach((tp, o) -> committed.put(tp, o.offset()));
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Sink transaction for {} failed; its results are published again: {}", runtime.system(), e.toString());
            producer.abortTransaction();
            done.forEach(c -> outstanding.computeIfAbsent(c.entry().partition(), k -> new TreeMap<>())
                    .merge(c.entry().offset(), 1, Integer::sum));
            completed.add(done);
        }
    }

    /**
     * The offsets to commit: per assigned partition, the oldest command still unanswered, or the consumer's position
     * when none is (the position is past the transaction markers, so a caught-up sink shows no lag).
     */
    private Map<TopicPartition, OffsetAndMetadata> committable(List<WriteJob.Completed> done) {
        for (WriteJob.Completed c : done) {
            TreeMap<Long, Integer> open = outstanding.get(c.entry().partition());
            if (open != null) {
                open.computeIfPresent(c.entry().offset(), (k, n) -> n > 1 ? n - 1 : null);
            }
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            TreeMap<Long, Integer> open = outstanding.get(tp);
            long next = open == null || open.isEmpty() ? consumer.position(tp) : open.firstKey();
            Long last = committed.get(tp);
            if (last == null || next > last) {
                offsets.put(tp, new OffsetAndMetadata(next));
            }
        }
        return offsets;
    }

    /** Stops consuming commands while too many wait to be written (a parked organisation, a huge backlog). */
    private void backpressure() {
        int queued = runtime.queuedCommands();
        Set<TopicPartition> commandPartitions = consumer.assignment().stream()
                .filter(tp -> tp.topic().equals(commandsTopic)).collect(Collectors.toSet());
        if (!paused && queued > settings.maxQueuedCommands()) {
            consumer.pause(commandPartitions);
            paused = true;
            log.warn("{} sink holds {} commands; pausing consumption until they drain", runtime.system(), queued);
        } else if (paused && queued < settings.maxQueuedCommands() / 2) {
            consumer.resume(commandPartitions);
            paused = false;
        }
    }

    /**
     * Partitions leave: their connections stop here (steps in progress finish), queued commands are dropped for the
     * new owner to consume again, and the results already made are published with the offsets they allow.
     */
    private void revoke(Collection<TopicPartition> revoked) {
        Set<Integer> partitions = revoked.stream().filter(tp -> tp.topic().equals(commandsTopic))
                .map(TopicPartition::partition).collect(Collectors.toSet());
        runtime.ownership().revoked(partitions);
        Set<TopicPartition> gone = new HashSet<>(revoked);
        runtime.release(partitions);
        try {
            publish();
        } catch (RuntimeException e) {
            log.warn("Publishing results on revocation failed: {}", e.toString());
        }
        runtime.dropQueued(gone);
        gone.forEach(tp -> {
            outstanding.remove(tp);
            committed.remove(tp);
            takenOverBelow.remove(tp);
        });
    }

    private static SyncLogEntry logEntry(WriteResult result) {
        SyncOutcome outcome = switch (result.getStatus()) {
            case OK -> SyncOutcome.WRITTEN;
            case REJECTED -> SyncOutcome.REJECTED;
            case BLOCKED -> SyncOutcome.BLOCKED;
            default -> SyncOutcome.FAILED;
        };
        String message = result.getStatus() == ResultStatus.OK
                ? result.getAction() + " " + result.getEntity() + " " + result.getTargetId() + " in " + result.getTargetSystem()
                : result.getStatus() + ": " + result.getMessage() + (result.getErrors().isEmpty() ? "" : " " + result.getErrors());
        return SyncLogs.entry(result.getConnectionId(), SyncStage.SINK, outcome, result.getTargetSystem(), result.getEntity())
                .setItemId(result.getTargetId()).setCounterpartId(result.getSourceId()).setCommandId(result.getCommandId())
                .setMessage(message).build();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
