package io.sxs.bench;

import io.sxs.kafka.embedded.EmbeddedKafkaBroker;
import io.sxs.kafka.embedded.FreePorts;
import io.sxs.schemas.topic.TopicSpec;
import io.sxs.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The in-process broker of one measurement run, in a temporary folder, with the pipeline's topic catalogue created,
 * and the offset arithmetic the measurements need (end offsets, committed offsets, counting records).
 */
public final class Cluster implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final EmbeddedKafkaBroker broker;
    private final Admin admin;
    private final int partitions;

    private Cluster(Path dir, int partitions) {
        this.dir = dir;
        this.partitions = partitions;
        this.broker = new EmbeddedKafkaBroker(FreePorts.next(), FreePorts.next(), dir.resolve("kafka")).start();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    /** Starts a broker and creates every topic of the catalogue as the app does (co-partitioned ones with {@code partitions}). */
    public static Cluster start(int partitions) {
        try {
            Cluster cluster = new Cluster(Files.createTempDirectory("sxs-bench-"), partitions);
            cluster.createTopics(Topics.ALL);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void createTopics(List<TopicSpec> specs) {
        List<NewTopic> topics = specs.stream().map(spec -> {
            Map<String, String> config = new HashMap<>(spec.extraConfig());
            config.put(TopicConfig.CLEANUP_POLICY_CONFIG,
                    spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
            return new NewTopic(spec.name(), spec.coPartitioned() ? partitions : 1, (short) 1).configs(config);
        }).toList();
        get(admin.createTopics(topics).all());
    }

    /** A topic of the benchmark's own, laid out as the co-partitioned topics of the catalogue. */
    public void createTopic(String name) {
        createTopics(List.of(new TopicSpec(name, false, true, "", "", "")));
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public int partitions() {
        return partitions;
    }

    /** A fresh Kafka Streams state folder inside the run's folder. */
    public Path stateDir(String name) {
        try {
            return Files.createDirectories(dir.resolve("streams").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Map<TopicPartition, OffsetSpec> request = topics.stream()
                .flatMap(topic -> partitionsOf(topic).stream())
                .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()));
        return get(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private List<TopicPartition> partitionsOf(String topic) {
        return get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /** Sets a (memberless) group's committed offsets, so that an application starts reading exactly there. */
    public void commit(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> request = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        get(admin.alterConsumerGroupOffsets(group, request).all());
    }

    /** Waits until the group has committed at least {@code target} on every partition named there. */
    public void awaitCommitted(String group, Map<TopicPartition, Long> target, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!hasCommitted(group, target)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Group " + group + " did not reach " + target + " within " + timeout
                        + "; committed " + committed(group));
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** Whether the group has committed at least {@code target} on every partition named there. */
    public boolean hasCommitted(String group, Map<TopicPartition, Long> target) {
        Map<TopicPartition, OffsetAndMetadata> committed = committed(group);
        return target.entrySet().stream().allMatch(e -> e.getValue() == 0
                || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
    }

    private Map<TopicPartition, OffsetAndMetadata> committed(String group) {
        return get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
    }

    /** Committed records (not transaction markers, not aborted records) between two offset snapshots. */
    public long countRecords(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = to.keySet().stream()
                    .filter(tp -> to.get(tp) > from.getOrDefault(tp, 0L)).toList();
            consumer.assign(partitions);
            partitions.forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read up to " + to);
                }
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                count += records.partitions().stream().flatMap(tp -> records.records(tp).stream())
                        .filter(r -> r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))).count();
            }
        }
        return count;
    }

    /** The sum over the partitions of {@code to - from}: records and transaction markers written in between. */
    public static long total(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        return to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
    }

    public static Map<TopicPartition, Long> only(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Admin call failed", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
