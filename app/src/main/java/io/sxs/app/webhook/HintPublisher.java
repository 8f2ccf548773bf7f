package io.sxs.app.webhook;

import io.sxs.schemas.topic.KafkaCluster;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts webhook news on {@code sxs.source-hints}, keyed by connection, so that whichever instance owns the connection
 * reads the items (the hints share the commands' partitioning). Sent without waiting: a webhook must be answered fast,
 * and a lost hint costs latency only (polling still finds the change).
 */
public final class HintPublisher implements AutoCloseable {

    private final KafkaProducer<String, SourceHint> producer;

    public HintPublisher(KafkaCluster cluster) {
        this.producer = new KafkaProducer<>(cluster.config(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), AvroSerde.<SourceHint>forCluster(cluster));
    }

    public void publish(SourceHint hint) {
        producer.send(new ProducerRecord<>(Topics.SOURCE_HINTS, hint.getConnectionId(), hint));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
