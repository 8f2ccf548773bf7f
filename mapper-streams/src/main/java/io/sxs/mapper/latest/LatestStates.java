package io.sxs.mapper.latest;

import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest state seen of every item, per system: the change record as it was read. Backed by the {@code latest}
 * store, which keeps the record's bytes as they came from the change topic (single-object encoded ChangeRecord, so
 * the changelog reads like the change topics): every change is recorded, few are read back, and re-encoding each
 * one was the mapper's largest single cost.
 */
public final class LatestStates {

    private final KeyValueStore<EntityKey, byte[]> store;
    private final AvroSerde<SpecificRecordBase> serde;
    private final org.apache.kafka.common.serialization.Serializer<String> connectionPrefix;

    /** @param connectionPrefix a connection id as the leading bytes of the store's keys of that connection */
    public LatestStates(KeyValueStore<EntityKey, byte[]> store, AvroSerde<SpecificRecordBase> serde,
                        org.apache.kafka.common.serialization.Serializer<String> connectionPrefix) {
        this.store = store;
        this.serde = serde;
        this.connectionPrefix = connectionPrefix;
    }

    /** The latest states of one connection's items of one entity, read in {@code system} (a prefix scan). */
    public java.util.List<ChangeRecord> of(String connectionId, io.sxs.schemas.common.EntityType entity,
                                           io.sxs.schemas.common.SystemType system) {
        java.util.List<ChangeRecord> found = new java.util.ArrayList<>();
        try (org.apache.kafka.streams.state.KeyValueIterator<EntityKey, byte[]> all = store.prefixScan(connectionId, connectionPrefix)) {
            while (all.hasNext()) {
                org.apache.kafka.streams.KeyValue<EntityKey, byte[]> next = all.next();
                if (next.key.getConnectionId().equals(connectionId) && next.key.getEntity() == entity
                        && next.key.getSystem() == system) {
                    found.add((ChangeRecord) serde.deserialize(null, next.value));
                }
            }
        }
        return found;
    }

    /**
     * Records a change as the item's latest state, unless the store already holds the same observation of it (an
     * unchanged re-read): rewriting it would only repeat the record on the changelog with a newer event id.
     *
     * @param encoded the change record's bytes as read from its change topic
     * @return true when it was recorded
     */
    public boolean record(EntityKey key, ChangeRecord change, byte[] encoded) {
        return record(key, Observation.of(change), encoded);
    }

    /** The same, for a change known by its envelope only (operation, version stamp and content hash). */
    public boolean record(EntityKey key, io.sxs.schemas.envelope.Operation operation, String sourceVersion, String contentHash,
                          byte[] encoded) {
        return record(key, new Observation(operation.name(), sourceVersion, contentHash), encoded);
    }

    private boolean record(EntityKey key, Observation observation, byte[] encoded) {
        byte[] stored = store.get(key);
        if (stored != null && observation.sameAs(Observation.read(serde.writerSchema(stored), stored))) {
            return false;
        }
        store.put(key, encoded);
        return true;
    }

    public ChangeRecord get(EntityKey key) {
        byte[] encoded = store.get(key);
        return encoded == null ? null : (ChangeRecord) serde.deserialize(null, encoded);
    }
}
