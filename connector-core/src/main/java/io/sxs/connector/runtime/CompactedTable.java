package io.sxs.connector.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic with string keys held in memory: read in full on start (every partition, no consumer group) and
 * followed for changes on its own thread. A tombstone removes the key.
 */
public final class CompactedTable<V extends SpecificRecordBase> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompactedTable.class);

    private final String topic;
    private final Map<String, V> rows = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, V> consumer;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private final Consumer<String> onChange;
    private volatile boolean running = true;

    /** @param onChange called on the table's thread with the key of every row read after the initial load */
    public CompactedTable(ConnectorSettings settings, String topic, String threadName, Consumer<String> onChange) {
        this.topic = topic;
        this.onChange = onChange;
        this.consumer = KafkaClients.stringKeyConsumer(settings, null);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Optional<V> get(String key) {
        return Optional.ofNullable(rows.get(key));
    }

    public List<V> all() {
        return List.copyOf(rows.values());
    }

    /**
     * Tombstones the rows whose key matches, and drops them here at once.
     *
     * @return how many were deleted
     */
    int deleteWhere(java.util.function.Predicate<String> key, org.apache.kafka.clients.producer.KafkaProducer<Object, SpecificRecordBase> producer) {
        int deleted = 0;
        for (String k : List.copyOf(rows.keySet())) {
            if (key.test(k)) {
                KafkaClients.sendAndWait(producer, topic, k, null, "the deletion of " + k + " from " + topic);
                rows.remove(k);
                deleted++;
            }
        }
        return deleted;
    }

    /** Takes a row this process just wrote, before the topic brings it back. */
    void putLocal(String key, V value) {
        rows.put(key, value);
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, V> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.value() == null) {
                        rows.remove(rec.key());
                    } else {
                        rows.put(rec.key(), rec.value());
                    }
                    if (loaded.getCount() == 0) {
                        onChange.accept(rec.key());
                    }
                }
                if (loaded.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Reader of {} stopped", topic, e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
