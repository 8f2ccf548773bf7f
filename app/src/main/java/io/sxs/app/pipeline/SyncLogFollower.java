package io.sxs.app.pipeline;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Follows the sync log of one connection from its beginning (committed records only). */
public final class SyncLogFollower implements AutoCloseable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SyncLogFollower.class);

    private final KafkaConsumer<String, SyncLogEntry> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    public SyncLogFollower(String bootstrapServers, String connectionId, Consumer<SyncLogEntry> sink) {
        this(KafkaCluster.of(bootstrapServers), connectionId, sink);
    }

    public SyncLogFollower(KafkaCluster cluster, String connectionId, Consumer<SyncLogEntry> sink) {
        this.consumer = new KafkaConsumer<>(cluster.config(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), AvroSerde.<SyncLogEntry>forCluster(cluster));
        this.thread = new Thread(() -> run(connectionId, sink), "sxs-sync-log-" + connectionId);
        this.thread.setDaemon(true);
    }

    public SyncLogFollower start() {
        thread.start();
        return this;
    }

    private void run(String connectionId, Consumer<SyncLogEntry> sink) {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_LOG).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, SyncLogEntry> rec : consumer.poll(Duration.ofMillis(200))) {
                        if (connectionId.equals(rec.key()) && rec.value() != null) {
                            sink.accept(rec.value());
                        }
                    }
                } catch (org.apache.kafka.common.errors.RecordDeserializationException e) {
                    // One unreadable entry must not stop the follower: it is named and passed over.
                    log.warn("Sync-log entry {}@{} cannot be decoded and is skipped: {}", e.topicPartition(), e.offset(),
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
