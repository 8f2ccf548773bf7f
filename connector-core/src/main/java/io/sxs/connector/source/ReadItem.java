package io.sxs.connector.source;

import io.sxs.schemas.envelope.Operation;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One item as read: its id, the system's own version stamp (as given), that stamp as an instant (for the watermark),
 * whether it exists or was deleted, and its canonical payload (the last known state for a delete, when the API gives
 * one). A payload that could not be mapped is reported as {@code invalid} with the reason instead.
 */
public record ReadItem(String sourceId, String sourceVersion, Instant modifiedAt, Operation operation,
                       SpecificRecordBase payload, String invalidReason) {

    public static ReadItem upsert(String id, String version, Instant modifiedAt, SpecificRecordBase payload) {
        return new ReadItem(id, version, modifiedAt, Operation.UPSERT, payload, null);
    }

    public static ReadItem delete(String id, String version, Instant modifiedAt, SpecificRecordBase lastState) {
        return new ReadItem(id, version, modifiedAt, Operation.DELETE, lastState, null);
    }

    /** A record the API returned that does not map onto the canonical model (malformed payload). */
    public static ReadItem invalid(String id, String version, Instant modifiedAt, String reason) {
        return new ReadItem(id, version, modifiedAt, Operation.UPSERT, null, reason);
    }
}
