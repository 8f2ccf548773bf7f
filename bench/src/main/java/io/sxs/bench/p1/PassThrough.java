package io.sxs.bench.p1;

import io.sxs.mapper.MapperStreams;
import io.sxs.schemas.topic.Topics;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The yardstick of P1: a Kafka Streams application with the mapper's own Streams settings (exactly_once_v2, commit
 * interval) that copies the change topics, as bytes and unchanged, to one output topic of the same partitions.
 */
final class PassThrough {

    static final String OUTPUT = "bench.pass-through";

    private PassThrough() {
    }

    static Topology topology() {
        Topology topology = new Topology();
        topology.addSource("changes", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Topics.CHANGES_SCORO, Topics.CHANGES_XERO);
        topology.addSink("copy", OUTPUT, new ByteArraySerializer(), new ByteArraySerializer(), "changes");
        return topology;
    }

    /** @param base bootstrap servers and state folder; the rest is what {@link MapperStreams} sets for the mapper */
    static KafkaStreams create(String applicationId, Properties base) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return new KafkaStreams(topology(), MapperStreams.streamsProperties(props));
    }
}
