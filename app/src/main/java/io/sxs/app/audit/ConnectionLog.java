package io.sxs.app.audit;

import io.sxs.mapper.replay.LoggedRecord;
import io.sxs.schemas.topic.ConnectionPartitioner;
import io.sxs.schemas.topic.KafkaCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one connection's partition of a topic from its start to its current end, as bytes (committed records only).
 * Every catalogue topic puts a connection on the same partition number, so this is all of the connection's records
 * there, with those of the connections that share the partition, which the caller filters out by key.
 */
final class ConnectionLog {

    private final KafkaCluster cluster;

    ConnectionLog(KafkaCluster cluster) {
        this.cluster = cluster;
    }

    List<LoggedRecord> read(String topic, String connectionId) {
        List<LoggedRecord> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cluster.config(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (partitions == null || partitions.isEmpty()) {
                return out;
            }
            TopicPartition tp = new TopicPartition(topic, ConnectionPartitioner.partitionFor(connectionId, partitions.size()));
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long end = consumer.endOffsets(List.of(tp)).get(tp);
            while (consumer.position(tp) < end) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new LoggedRecord(topic, r.partition(), r.offset(), r.key(), r.value(), r.timestamp()));
                }
            }
        }
        return out;
    }
}
