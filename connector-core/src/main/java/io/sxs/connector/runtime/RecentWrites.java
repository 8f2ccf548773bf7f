package io.sxs.connector.runtime;

import io.sxs.schemas.common.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What this instance's sink last wrote, per item: the version the target returned and the item as it returned it.
 * The source of the same connection uses it so that reading back the pipeline's own writes costs nothing extra: a
 * listed row with exactly that version is completed from here instead of being fetched again, and a webhook about
 * the write itself triggers no read. Bounded (oldest forgotten first); forgetting only costs a call.
 */
final class RecentWrites {

    /** A webhook this close after the pipeline's own write is taken to announce that write. */
    static final Duration OWN_EVENT_TOLERANCE = Duration.ofSeconds(1);

    private record Key(String connectionId, EntityType entity, String id) {
    }

    record Written(String version, Instant modifiedAt, SpecificRecordBase item) {
    }

    private final Map<Key, Written> entries;

    RecentWrites(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Written> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void record(String connectionId, EntityType entity, String id, String version, Instant modifiedAt,
                             SpecificRecordBase item) {
        if (id != null && version != null) {
            entries.remove(new Key(connectionId, entity, id));
            entries.put(new Key(connectionId, entity, id), new Written(version, modifiedAt, item));
        }
    }

    /** The item as the pipeline wrote it, if {@code version} is the version that write produced. */
    synchronized SpecificRecordBase sameVersion(String connectionId, EntityType entity, String id, String version) {
        Written w = entries.get(new Key(connectionId, entity, id));
        return w != null && w.item() != null && w.version().equals(version) ? w.item() : null;
    }

    /** True when an event at {@code eventAt} is the pipeline's own write of the item, not a later change. */
    synchronized boolean announcesOwnWrite(String connectionId, EntityType entity, String id, Instant eventAt) {
        Written w = entries.get(new Key(connectionId, entity, id));
        return w != null && w.modifiedAt() != null && eventAt != null
                && !eventAt.isAfter(w.modifiedAt().plus(OWN_EVENT_TOLERANCE));
    }

    synchronized int size() {
        return entries.size();
    }
}
