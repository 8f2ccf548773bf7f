package io.sxs.reporting;

import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.topic.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors every merged view topic ({@code sxs.view.*}) into the reporting database. It assigns itself all their
 * partitions rather than joining a consumer group's rebalancing: the database needs every partition, and where to
 * start is the database's own record of what it holds (from the beginning for a new database). After each database
 * commit the same offsets are committed to Kafka under the group id, so the consumer's lag can be watched with the
 * usual tools; a restart re-reads at most the last batch, which the idempotent upserts absorb.
 */
final class ViewConsumer implements AutoCloseable {

    static final String DEFAULT_GROUP_ID = "sxs-reporting";
    private static final Logger log = LoggerFactory.getLogger(ViewConsumer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_POLL = Duration.ofMillis(200);
    private static final Duration FOLLOW_POLL = Duration.ofSeconds(1);
    /** How often a following consumer looks for view topics created since it started (a new entity's view). */
    private static final Duration DISCOVERY_INTERVAL = Duration.ofSeconds(30);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ViewRecordDecoder decoder;
    private final ReportingDatabase database;
    private final AtomicBoolean running = new AtomicBoolean(true);
    /** The offsets the database holds, as last saved: only partitions that moved since are saved again. */
    private final Map<TopicPartition, Long> saved = new HashMap<>();

    ViewConsumer(KafkaCluster cluster, String groupId, ReportingDatabase database) {
        this.database = database;
        this.decoder = new ViewRecordDecoder(AvroSerde.forCluster(cluster));
        this.consumer = new KafkaConsumer<>(cluster.config(
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.CLIENT_ID_CONFIG, groupId,
                // The view builder writes in transactions: never show what an aborted one wrote.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    /**
     * Reads every view partition up to its end as it was when called (its last committed record), so the database
     * then holds the view as of that moment. Returns the number of changes applied.
     */
    long catchUp() throws SQLException {
        assignNewPartitions();
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            log.warn("No {}* topics on the cluster yet: is the pipeline's view builder running?", Topics.VIEW_PREFIX);
            return 0;
        }
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned, TIMEOUT);
        long applied = 0;
        while (running.get() && !reached(end)) {
            applied += pollAndApply(CATCH_UP_POLL);
        }
        log.info("Read {} view partitions to their end: {} changes applied", assigned.size(), applied);
        return applied;
    }

    /** Keeps the database up to date until {@link #stop()}. */
    void follow() throws SQLException, InterruptedException {
        long nextDiscovery = System.nanoTime() + DISCOVERY_INTERVAL.toNanos();
        while (running.get()) {
            try {
                if (consumer.assignment().isEmpty()) {
                    Thread.sleep(FOLLOW_POLL.toMillis()); // polling with nothing assigned is an error
                } else {
                    long applied = pollAndApply(FOLLOW_POLL);
                    if (applied > 0) {
                        log.info("{} view changes applied", applied);
                    }
                }
                if (System.nanoTime() >= nextDiscovery) {
                    assignNewPartitions();
                    nextDiscovery = System.nanoTime() + DISCOVERY_INTERVAL.toNanos();
                }
            } catch (WakeupException e) {
                if (running.get()) {
                    throw e;
                }
            }
        }
    }

    /** Ends {@link #catchUp()} or {@link #follow()} from another thread (a shutdown hook). */
    void stop() {
        running.set(false);
        consumer.wakeup();
    }

    /**
     * Polls once and applies what came as one database transaction. Within a batch only the last change of each item
     * matters, as after compaction. The offsets saved with it are the consumer's positions, which are past skipped
     * records and past the transaction markers that end a partition, so a partition read to its end shows no lag.
     */
    private long pollAndApply(Duration timeout) throws SQLException {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
        Map<String, ViewChange> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            decoder.decode(record).ifPresent(change -> latest.put(change.identity(), change));
        }
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition, TIMEOUT);
            if (!Long.valueOf(position).equals(saved.get(partition))) {
                next.put(partition, position);
            }
        }
        if (latest.isEmpty() && next.isEmpty()) {
            return 0;
        }
        database.apply(latest.values(), next);
        saved.putAll(next);
        commitToKafka(next);
        return latest.size();
    }

    private void commitToKafka(Map<TopicPartition, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        try {
            consumer.commitSync(offsets, TIMEOUT);
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // The database holds the offsets it resumes from; Kafka's copy only shows the lag.
            log.warn("Could not commit offsets to Kafka (the database has them): {}", e.toString());
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), TIMEOUT) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Assigns the view partitions not yet assigned, each from where the database left it, else from its beginning. */
    private void assignNewPartitions() throws SQLException {
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        List<TopicPartition> added = new ArrayList<>();
        for (Map.Entry<String, List<PartitionInfo>> topic : consumer.listTopics(TIMEOUT).entrySet()) {
            if (topic.getKey().startsWith(Topics.VIEW_PREFIX)) {
                for (PartitionInfo partition : topic.getValue()) {
                    TopicPartition tp = new TopicPartition(partition.topic(), partition.partition());
                    if (assigned.add(tp)) {
                        added.add(tp);
                    }
                }
            }
        }
        if (added.isEmpty()) {
            return;
        }
        consumer.assign(assigned);
        Map<TopicPartition, Long> stored = database.nextOffsets();
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition tp : added) {
            Long offset = stored.get(tp);
            if (offset == null) {
                fromBeginning.add(tp);
            } else {
                consumer.seek(tp, offset);
                saved.put(tp, offset);
            }
        }
        if (!fromBeginning.isEmpty()) {
            consumer.seekToBeginning(fromBeginning); // an empty list would mean every assigned partition
        }
        log.info("Reading {} view partitions ({} from the beginning)", added.size(), fromBeginning.size());
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
