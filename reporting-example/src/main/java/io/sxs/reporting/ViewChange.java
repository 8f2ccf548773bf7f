package io.sxs.reporting;

import io.sxs.schemas.view.ViewKey;
import io.sxs.schemas.view.ViewRecord;

/**
 * One decoded record of a view topic: the item's key and its new state, or a null value (a tombstone) when the item
 * is gone. Where it came from is kept for the log and the offsets.
 */
record ViewChange(String topic, int partition, long offset, ViewKey key, ViewRecord value) {

    boolean tombstone() {
        return value == null;
    }

    /** The item's identity across topics: two changes with the same identity replace each other, as compaction does. */
    String identity() {
        return key.getConnectionId() + "\u0000" + key.getEntity() + "\u0000" + key.getCanonicalId();
    }
}
