package io.sxs.mapper.latest;

import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.EntityKey;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest state seen of every item, per system: the change record as it was read. Backed by the {@code latest}
 * store, which keeps the record's bytes as they came from the change topic (single-object encoded ChangeRecord, so
 * the changelog reads like the change topics): every change is stored, few are read back, and re-encoding each one
 * was the mapper's largest single cost.
 */
public final class LatestStates {

    private final KeyValueStore<EntityKey, byte[]> store;
    private final Deserializer<SpecificRecordBase> decoder;

    public LatestStates(KeyValueStore<EntityKey, byte[]> store, Deserializer<SpecificRecordBase> decoder) {
        this.store = store;
        this.decoder = decoder;
    }

    /** @param encoded the change record's bytes as read from its change topic */
    public void put(EntityKey key, byte[] encoded) {
        store.put(key, encoded);
    }

    public ChangeRecord get(EntityKey key) {
        byte[] encoded = store.get(key);
        return encoded == null ? null : (ChangeRecord) decoder.deserialize(null, encoded);
    }
}
