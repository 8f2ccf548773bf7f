package io.sxs.mapper.serde;

import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Serde;

/** Creates the topology's Avro serdes, configured up front because Kafka Streams leaves Processor API serdes alone. */
public final class MapperSerdes {

    private final Map<String, Object> config;

    public MapperSerdes(Map<String, Object> config) {
        this.config = Map.copyOf(config);
    }

    public <T extends SpecificRecordBase> AvroSerde<T> value() {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, false);
        return serde;
    }

    /** The serde of the stores' keys. */
    public Serde<EntityKey> key() {
        AvroSerde<EntityKey> serde = new AvroSerde<>();
        serde.configure(config, true);
        return new EntityKeySerde(serde);
    }
}
