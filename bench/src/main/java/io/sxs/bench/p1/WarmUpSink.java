package io.sxs.bench.p1;

import io.sxs.bench.AvroProducer;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ResultStatus;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.hash.ContentHasher;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plays the Xero sink during the warm-up: every command the mapper issues is answered with an OK result carrying a new
 * Xero id and the hash of what was "written", so that the ID map fills as it would in production.
 */
final class WarmUpSink implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecordBase> commands;
    private final AvroProducer results;
    private final Consumer<WriteResult> written;

    WarmUpSink(String bootstrapServers, int partitions, AvroProducer results, Consumer<WriteResult> written) {
        this.results = results;
        this.written = written;
        commands = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), AvroSerde.<SpecificRecordBase>forCluster(bootstrapServers));
        List<TopicPartition> all = java.util.stream.IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(Topics.COMMANDS_XERO, p)).toList();
        commands.assign(all);
        commands.seekToBeginning(all);
    }

    /** Answers the next {@code expected} commands. */
    void answer(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int answered = 0;
        while (answered < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Only " + answered + " of " + expected + " commands arrived within " + timeout);
            }
            for (ConsumerRecord<String, SpecificRecordBase> record : commands.poll(Duration.ofMillis(100))) {
                WriteResult result = ok((Command) record.value());
                results.send(Topics.RESULTS, result.getConnectionId(), result);
                written.accept(result);
                answered++;
            }
        }
        results.flush();
    }

    /**
     * Answers every command until the mapper has committed all of its input (results included) and no command arrived
     * for one poll: what the warm-up mix needs, where the number of commands is not known in advance.
     */
    void answerUntilQuiet(java.util.function.BooleanSupplier caughtUp, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The mapper did not settle within " + timeout);
            }
            int answered = 0;
            for (ConsumerRecord<String, SpecificRecordBase> record : commands.poll(Duration.ofMillis(300))) {
                WriteResult result = ok((Command) record.value());
                results.send(Topics.RESULTS, result.getConnectionId(), result);
                written.accept(result);
                answered++;
            }
            results.flush();
            if (answered == 0 && caughtUp.getAsBoolean()) {
                return;
            }
        }
    }

    private static WriteResult ok(Command command) {
        // An update keeps the item's Xero id; a create gets a new one.
        String targetId = command.getTargetId() != null ? command.getTargetId() : UUID.randomUUID().toString();
        SpecificRecordBase payload = (SpecificRecordBase) command.getPayload();
        SpecificRecordBase copy = payload.getSpecificData().deepCopy(payload.getSchema(), payload);
        copy.put("id", targetId);
        return WriteResult.newBuilder().setCommandId(command.getCommandId()).setConnectionId(command.getConnectionId())
                .setTargetSystem(command.getTargetSystem()).setEntity(command.getEntity()).setAction(command.getAction())
                .setSourceSystem(command.getSourceSystem()).setSourceId(command.getSourceId())
                .setSourceHash(command.getSourceHash()).setStatus(ResultStatus.OK).setTargetId(targetId)
                .setWrittenHash(ContentHasher.hash(copy)).setWritten(copy).setErrors(List.of()).setApiCalls(1)
                .setCompletedAt(Instant.now()).build();
    }

    @Override
    public void close() {
        commands.close();
    }
}
