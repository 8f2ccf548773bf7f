package io.sxs.schemas.serde;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writer schemas kept in a compacted topic (key: fingerprint in hex, value: the schema's JSON), so that a plain
 * consumer with only this module can decode any record: the schema-registry role without a registry server.
 */
public final class KafkaSchemaStore implements SchemaRegistryStore {

    private static final Logger log = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Map<String, KafkaSchemaStore> SHARED = new ConcurrentHashMap<>();

    private final io.sxs.schemas.topic.KafkaCluster cluster;
    private final String topic;
    private final InMemorySchemaStore cache = new InMemorySchemaStore();
    private final Set<Long> published = ConcurrentHashMap.newKeySet();
    private KafkaProducer<String, String> producer;
    private boolean topicChecked;

    public KafkaSchemaStore(String bootstrapServers, String topic) {
        this(io.sxs.schemas.topic.KafkaCluster.of(bootstrapServers), topic);
    }

    /** @param cluster the cluster, with the client settings (security) the store's own clients need */
    public KafkaSchemaStore(io.sxs.schemas.topic.KafkaCluster cluster, String topic) {
        this.cluster = cluster;
        this.topic = topic;
    }

    /** One store per cluster and topic per JVM: serdes are created per client, the schemas are the same. */
    public static KafkaSchemaStore shared(String bootstrapServers, String topic) {
        return shared(io.sxs.schemas.topic.KafkaCluster.of(bootstrapServers), topic);
    }

    /** As {@link #shared(String, String)}, one per set of client settings too. */
    public static KafkaSchemaStore shared(io.sxs.schemas.topic.KafkaCluster cluster, String topic) {
        return SHARED.computeIfAbsent(cluster.bootstrapServers() + "|" + topic + "|" + cluster.clientProperties(),
                k -> new KafkaSchemaStore(cluster, topic));
    }

    @Override
    public void register(Schema schema) {
        long fingerprint = SchemaNormalization.parsingFingerprint64(schema);
        if (published.contains(fingerprint)) {
            return;
        }
        synchronized (this) {
            if (published.contains(fingerprint)) {
                return;
            }
            ensureTopic();
            try {
                producer().send(new ProducerRecord<>(topic, hex(fingerprint), schema.toString()))
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaStoreException("Interrupted while publishing schema " + schema.getFullName(), e);
            } catch (ExecutionException | TimeoutException e) {
                throw new SchemaStoreException("Could not publish schema " + schema.getFullName() + " to " + topic, e);
            }
            cache.put(schema);
            published.add(fingerprint);
        }
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        Schema known = cache.findByFingerprint(fingerprint);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = cache.findByFingerprint(fingerprint);
            return known != null ? known : readTopicFor(fingerprint);
        }
    }

    private Schema readTopicFor(long fingerprint) {
        Properties props = cluster.properties();
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (rec.value() != null) {
                        cache.put(new Schema.Parser().parse(rec.value()));
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Reading schema topic {} failed: {}", topic, e.toString());
        }
        return cache.findByFingerprint(fingerprint);
    }

    private void ensureTopic() {
        if (topicChecked) {
            return;
        }
        try (Admin admin = Admin.create(cluster.config())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) -1)
                            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new SchemaStoreException("Could not create schema topic " + topic, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while creating schema topic " + topic, e);
        } catch (TimeoutException e) {
            throw new SchemaStoreException("Timed out creating schema topic " + topic, e);
        }
        topicChecked = true;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = cluster.properties();
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    static String hex(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
        SHARED.values().remove(this);
    }

    /** Closes the per-JVM stores of a cluster, e.g. when an embedded broker stops, so no client outlives it. */
    public static void closeFor(String bootstrapServers) {
        List.copyOf(SHARED.values()).stream().filter(s -> s.cluster.bootstrapServers().equals(bootstrapServers))
                .forEach(KafkaSchemaStore::close);
    }
}
