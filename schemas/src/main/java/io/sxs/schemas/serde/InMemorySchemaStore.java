package io.sxs.schemas.serde;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/** Schemas known to this process only: for unit tests (TopologyTestDriver) and as the cache of the Kafka-backed store. */
public class InMemorySchemaStore implements SchemaRegistryStore {

    private final Map<Long, Schema> byFingerprint = new ConcurrentHashMap<>();

    public InMemorySchemaStore() {
        SchemaCatalog.TOP_LEVEL_TYPES.forEach(type -> put(SchemaCatalog.schemaOf(type)));
    }

    /** Adds a schema; returns true when it was not known before. */
    public boolean put(Schema schema) {
        return byFingerprint.putIfAbsent(SchemaNormalization.parsingFingerprint64(schema), schema) == null;
    }

    @Override
    public void register(Schema schema) {
        put(schema);
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    @Override
    public void close() {
    }
}
