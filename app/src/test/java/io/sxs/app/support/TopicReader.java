package io.sxs.app.support;

import io.sxs.schemas.serde.AvroSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A topic as a plain consumer reads it now: every committed record, or the state compaction keeps. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every committed record from the beginning to the end the topic has now. */
    public static List<ConsumerRecord<byte[], byte[]>> readAll(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
            return out;
        }
    }

    /**
     * The latest value of every key, a tombstone removing it: what the topic holds once compacted. Keys are decoded
     * and values as Avro records when they are single-object encoded, as strings otherwise.
     */
    public static Map<Object, Object> compacted(String bootstrapServers, String topic) {
        AvroSerde<SpecificRecordBase> serde = AvroSerde.forCluster(bootstrapServers);
        Map<Object, Object> state = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : readAll(bootstrapServers, topic)) {
            Object key = decode(serde, topic, r.key());
            if (r.value() == null) {
                state.remove(key);
            } else {
                state.put(key, decode(serde, topic, r.value()));
            }
        }
        return state;
    }

    private static Object decode(AvroSerde<SpecificRecordBase> serde, String topic, byte[] bytes) {
        return isAvro(bytes) ? serde.deserialize(topic, bytes) : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static boolean isAvro(byte[] bytes) {
        return bytes != null && bytes.length >= 2 && (bytes[0] & 0xff) == 0xC3 && (bytes[1] & 0xff) == 0x01;
    }
}
