package io.sxs.schemas.topic;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts every record of a connection on the partition Kafka's default partitioner would choose for the connection id
 * as a string key. Topics keyed by the plain connection id and topics keyed by a record holding it (EntityKey,
 * CursorKey) therefore agree, which keeps one connection on one partition number across the pipeline.
 */
public class ConnectionPartitioner implements Partitioner {

    public static int partitionFor(String connectionId, int partitions) {
        return Utils.toPositive(Utils.murmur2(connectionId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The connection id a key carries: the key itself, or its {@code connectionId} field. */
    public static String connectionOf(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof IndexedRecord rec && rec.getSchema().getField("connectionId") != null) {
            return String.valueOf(rec.get(rec.getSchema().getField("connectionId").pos()));
        }
        throw new IllegalArgumentException("Key carries no connection id: " + key);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        return partitionFor(connectionOf(key), cluster.partitionCountForTopic(topic));
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
