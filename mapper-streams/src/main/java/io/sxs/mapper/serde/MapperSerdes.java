package io.sxs.mapper.serde;

import io.sxs.schemas.serde.AvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

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

    public <T extends SpecificRecordBase> AvroSerde<T> key() {
        AvroSerde<T> serde = new AvroSerde<>();
        serde.configure(config, true);
        return serde;
    }
}
