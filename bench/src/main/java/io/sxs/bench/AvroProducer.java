package io.sxs.bench;

import io.sxs.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes the benchmark's inputs as the connectors do: keyed by connection id, Avro single-object encoded. */
public final class AvroProducer implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecordBase> producer;

    public AvroProducer(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), AvroSerde.<SpecificRecordBase>forCluster(bootstrapServers));
    }

    public void send(String topic, String connectionId, SpecificRecordBase value) {
        producer.send(new ProducerRecord<>(topic, connectionId, value));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
