package io.sxs.connector.source;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.envelope.Operation;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One item as read: its entity (the reader says which; the runtime never looks inside a payload to learn it), its id, the system's own version stamp (as given), that stamp as an instant (for the watermark),
 * whether it exists or was deleted, and its canonical payload (the last known state for a delete, when the API gives
 * one). A payload that could not be mapped is reported as {@code invalid} with the reason instead. A list row that
 * lacks the item's details (Scoro lists have no lines) is a {@code summary}: the runtime decides from its id and
 * version whether it is new, and only then has the reader fetch the details ({@link EntityReader#detail}).
 *
 * @param raw what the reader needs to fetch the details of a summary (opaque to the runtime), else null
 */
public record ReadItem(EntityType entity, String sourceId, String sourceVersion, Instant modifiedAt, Operation operation,
                       SpecificRecordBase payload, String invalidReason, boolean summary, Object raw) {

    /** An item as mapped; one whose amounts do not fit the canonical model's decimals is {@code invalid} instead. */
    public static ReadItem upsert(EntityType entity, String id, String version, Instant modifiedAt, SpecificRecordBase payload) {
        String unfit = io.sxs.schemas.money.DecimalFit.problem(payload);
        if (unfit != null) {
            return invalid(entity, id, version, modifiedAt, "an amount does not fit the canonical model: " + unfit);
        }
        return new ReadItem(entity, id, version, modifiedAt, Operation.UPSERT, payload, null, false, null);
    }

    /** An item of a whole-set read, which has no version stamp from the API: its version is the hash of its content. */
    public static ReadItem ofContent(EntityType entity, String id, SpecificRecordBase payload) {
        return upsert(entity, id, io.sxs.schemas.hash.ContentHasher.hash(payload), null, payload);
    }

    public static ReadItem delete(EntityType entity, String id, String version, Instant modifiedAt, SpecificRecordBase lastState) {
        // A last state that does not fit is dropped: the delete itself is what matters.
        SpecificRecordBase kept = io.sxs.schemas.money.DecimalFit.problem(lastState) == null ? lastState : null;
        return new ReadItem(entity, id, version, modifiedAt, Operation.DELETE, kept, null, false, null);
    }

    /** A record the API returned that does not map onto the canonical model (malformed payload). */
    public static ReadItem invalid(EntityType entity, String id, String version, Instant modifiedAt, String reason) {
        return new ReadItem(entity, id, version, modifiedAt, Operation.UPSERT, null, reason, false, null);
    }

    /** A list row whose details are fetched only if it turns out to be new. */
    public static ReadItem summary(EntityType entity, String id, String version, Instant modifiedAt, Object raw) {
        return new ReadItem(entity, id, version, modifiedAt, Operation.UPSERT, null, null, true, raw);
    }

    /** This summary completed with a payload the pipeline already has (its own write, read back): no call needed. */
    public ReadItem withPayload(SpecificRecordBase known) {
        return new ReadItem(entity, sourceId, sourceVersion, modifiedAt, Operation.UPSERT, known, null, false, null);
    }

    @Override
    public String toString() {
        return "ReadItem[" + entity + " " + sourceId + "@" + sourceVersion + " " + operation + (summary ? " summary" : "")
                + (invalidReason != null ? " invalid: " + invalidReason : "") + "]";
    }
}
