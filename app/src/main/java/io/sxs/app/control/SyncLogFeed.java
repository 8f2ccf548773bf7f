package io.sxs.app.control;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The whole sync log, read once from the beginning and then followed, for the control plane's views (the error list,
 * sync runs' progress). One consumer per process, no consumer group: every control instance sees every entry. An entry
 * that does not decode is named in the log and passed over.
 */
public final class SyncLogFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SyncLogFeed.class);

    private final KafkaCluster cluster;
    private final List<Consumer<SyncLogEntry>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile KafkaConsumer<String, SyncLogEntry> consumer;
    private volatile boolean running;
    private Thread thread;

    public SyncLogFeed(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    public void listen(Consumer<SyncLogEntry> listener) {
        listeners.add(listener);
    }

    public void unlisten(Consumer<SyncLogEntry> listener) {
        listeners.remove(listener);
    }

    /** Waits until everything on the log when the feed started has been delivered. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        consumer = new KafkaConsumer<>(cluster.config(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new org.apache.kafka.common.serialization.StringDeserializer(), AvroSerde.<SyncLogEntry>forCluster(cluster));
        running = true;
        thread = new Thread(this::run, "sxs-control-sync-log");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SYNC_LOG, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (running) {
                try {
                    for (ConsumerRecord<String, SyncLogEntry> rec : consumer.poll(Duration.ofMillis(200))) {
                        if (rec.value() != null) {
                            deliver(rec.value());
                        }
                    }
                } catch (RecordDeserializationException e) {
                    log.warn("Sync-log entry {}@{} cannot be decoded and is skipped: {}", e.topicPartition(), e.offset(),
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp))) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The control plane's sync-log reader stopped: errors and sync runs are no longer updated", e);
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void deliver(SyncLogEntry entry) {
        for (Consumer<SyncLogEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                log.warn("A sync-log listener failed on entry {}: {}", entry.getEntryId(), e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
