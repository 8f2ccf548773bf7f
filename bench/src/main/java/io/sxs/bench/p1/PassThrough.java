package io.sxs.bench.p1;

import io.sxs.mapper.MapperStreams;
import io.sxs.schemas.serde.AvroSerde;
import io.sxs.schemas.topic.Topics;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The yardstick of P1: a Kafka Streams application with the mapper's own Streams settings (exactly_once_v2, commit
 * interval) that copies the change topics to one output topic of the same partitions. {@link Kind#AVRO} consumes and
 * produces the records as records (the project's serde decodes each change record and encodes it again: the plain
 * consume-produce pass-through of Avro records the issue measured at 24,000–41,000 records/s); {@link Kind#BYTES}
 * copies the bytes untouched (the floor: Kafka's own cost of an exactly-once copy).
 */
final class PassThrough {

    static final String OUTPUT = "bench.pass-through";

    enum Kind { AVRO, BYTES }

    private PassThrough() {
    }

    static Topology topology(Kind kind, String bootstrapServers) {
        Topology topology = new Topology();
        if (kind == Kind.BYTES) {
            topology.addSource("changes", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                    Topics.CHANGES_SCORO, Topics.CHANGES_XERO);
            topology.addSink("copy", OUTPUT, new ByteArraySerializer(), new ByteArraySerializer(), "changes");
        } else {
            AvroSerde<SpecificRecordBase> values = new AvroSerde<>();
            values.configure(Map.of("bootstrap.servers", bootstrapServers), false);
            topology.addSource("changes", new StringDeserializer(), values.deserializer(), Topics.CHANGES_SCORO, Topics.CHANGES_XERO);
            topology.addSink("copy", OUTPUT, new StringSerializer(), values.serializer(), "changes");
        }
        return topology;
    }

    /** @param base bootstrap servers and state folder; the rest is what {@link MapperStreams} sets for the mapper */
    static KafkaStreams create(Kind kind, String applicationId, Properties base) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        return new KafkaStreams(topology(kind, props.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)),
                MapperStreams.streamsProperties(props));
    }
}
