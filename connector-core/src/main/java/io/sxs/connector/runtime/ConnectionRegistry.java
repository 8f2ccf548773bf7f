package io.sxs.connector.runtime;

import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connections table, read in full from the compacted connections topic and followed for changes. */
public final class ConnectionRegistry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionRegistry.class);

    private final Map<String, ConnectionConfig> connections = new ConcurrentHashMap<>();
    private final KafkaConsumer<String, ConnectionConfig> consumer;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    public ConnectionRegistry(ConnectorSettings settings, String name) {
        this.consumer = KafkaClients.stringKeyConsumer(settings, null);
        this.thread = new Thread(this::run, name + "-connections");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Optional<ConnectionConfig> get(String connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    public List<ConnectionConfig> all() {
        return List.copyOf(connections.values());
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONNECTIONS, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                for (ConsumerRecord<String, ConnectionConfig> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.value() == null) {
                        connections.remove(rec.key());
                    } else {
                        connections.put(rec.key(), rec.value());
                    }
                }
                if (loaded.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    loaded.countDown();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            log.error("Connections reader stopped", e);
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
