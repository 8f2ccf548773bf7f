package io.sxs.connector.runtime;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.log.SyncLogs;
import io.sxs.connector.sink.CommandWriter;
import io.sxs.connector.sink.Results;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.SyncOutcome;
import io.sxs.schemas.envelope.SyncStage;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.secret.SecretCipher;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Consumes the commands for one system, has the writer execute them per connection, and publishes one result per
 * command in the same transaction as the consumed offsets. If the transaction fails after the API writes, the
 * commands are consumed again and the writer's idempotency keys and look-ups keep the target free of duplicates.
 */
final class CommandSink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandSink.class);

    private final CommandWriter writer;
    private final ConnectionRegistry registry;
    private final SecretCipher cipher;
    private final ConnectionOwnership ownership;
    private final KafkaConsumer<String, Command> consumer;
    private final KafkaProducer<Object, SpecificRecordBase> producer;
    private final String topic;
    private final Thread thread;
    private volatile boolean running = true;

    CommandSink(ConnectorSettings settings, CommandWriter writer, ConnectionRegistry registry, SecretCipher cipher,
                ConnectionOwnership ownership) {
        this.writer = writer;
        this.registry = registry;
        this.cipher = cipher;
        this.ownership = ownership;
        String system = writer.system().name().toLowerCase();
        this.topic = Topics.commands(writer.system());
        this.consumer = KafkaClients.stringKeyConsumer(settings, "sxs-sink-" + system);
        this.producer = KafkaClients.transactionalProducer(settings, "sxs-sink-" + system + "-" + settings.instanceId());
        this.thread = new Thread(this::run, "sxs-sink-" + system);
    }

    void start() {
        producer.initTransactions();
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
                ownership.revoked(revoked.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
                int count = consumer.partitionsFor(topic).size();
                ownership.assigned(assigned.stream().map(TopicPartition::partition).collect(Collectors.toSet()), count);
            }
        });
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, Command> records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException | ProducerFencedException e) {
            if (running) {
                log.error("Sink for {} stopped: {}", writer.system(), e.toString());
            }
        } catch (RuntimeException e) {
            log.error("Sink for {} stopped", writer.system(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void process(ConsumerRecords<String, Command> records) {
        Map<String, List<Command>> byConnection = new LinkedHashMap<>();
        for (ConsumerRecord<String, Command> rec : records) {
            if (rec.value() != null) {
                byConnection.computeIfAbsent(rec.value().getConnectionId(), k -> new ArrayList<>()).add(rec.value());
            }
        }
        List<WriteResult> results = new ArrayList<>();
        byConnection.forEach((connectionId, commands) -> results.addAll(execute(connectionId, commands)));
        producer.beginTransaction();
        try {
            for (WriteResult result : results) {
                producer.send(new ProducerRecord<>(Topics.RESULTS, result.getConnectionId(), result));
                producer.send(new ProducerRecord<>(Topics.SYNC_LOG, result.getConnectionId(), logEntry(result)));
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (RuntimeException e) {
            log.warn("Sink transaction for {} failed, the commands will be consumed again: {}", writer.system(), e.toString());
            producer.abortTransaction();
            rewind(records);
        }
    }

    private List<WriteResult> execute(String connectionId, List<Command> commands) {
        Optional<ConnectionConfig> config = registry.get(connectionId);
        if (config.isEmpty()) {
            return commands.stream().map(c -> Results.failed(c, ResultStatus.REJECTED,
                    "Connection " + connectionId + " is not configured", List.of(), 0)).toList();
        }
        try {
            List<WriteResult> results = writer.write(new ConnectionContext(config.get(), cipher), commands);
            if (results.size() != commands.size()) {
                throw new IllegalStateException("Writer returned " + results.size() + " results for " + commands.size() + " commands");
            }
            return results;
        } catch (SecretCipher.SecretException e) {
            return commands.stream().map(c -> Results.failed(c, ResultStatus.UNAUTHORISED, e.getMessage(), List.of(), 0)).toList();
        } catch (RuntimeException e) {
            log.error("Writer for {} failed on connection {}", writer.system(), connectionId, e);
            return commands.stream().map(c -> Results.failed(c, ResultStatus.RETRYABLE,
                    "Writer failed: " + e, List.of(), 0)).toList();
        }
    }

    private static io.sxs.schemas.envelope.SyncLogEntry logEntry(WriteResult result) {
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

    /**
     * The consumer's position, not last offset + 1: the position is already past the transaction markers that follow
     * the mapper's exactly-once writes, so a caught-up sink shows no lag.
     */
    private Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, Command> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            offsets.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, Command> records) {
        Set<TopicPartition> partitions = records.partitions();
        for (TopicPartition tp : partitions) {
            consumer.seek(tp, records.records(tp).get(0).offset());
        }
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
