package io.sxs.mapper.process;

import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Operation;
import io.sxs.schemas.envelope.WriteResult;
import io.sxs.schemas.registry.EntityRegistry;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** Checks that a decoded input can be processed; returns the problem in words, or null when it is fine. Pure. */
public final class InputValidator {

    private InputValidator() {
    }

    /**
     * @param key            the record key (the connection id the record was partitioned by)
     * @param expectedSystem the system of the topic the record came from, or null when unknown
     */
    public static String problem(String key, ChangeRecord change, SystemType expectedSystem) {
        if (change == null) {
            return "change record without a value";
        }
        if (isBlank(change.getConnectionId()) || !change.getConnectionId().equals(key)) {
            // One connection's data must never be applied to another's: the key and the body have to agree.
            return "record key '" + key + "' does not match connectionId '" + change.getConnectionId() + "'";
        }
        if (expectedSystem != null && change.getSystem() != expectedSystem) {
            return "a " + change.getSystem() + " change on the " + expectedSystem + " change topic";
        }
        if (isBlank(change.getSourceId())) {
            return change.getEntity() + " change without a sourceId";
        }
        if (isBlank(change.getContentHash())) {
            return change.getEntity() + " " + change.getSourceId() + " has no contentHash";
        }
        Object payload = change.getPayload();
        if (payload == null) {
            return change.getOperation() == Operation.UPSERT
                    ? "UPSERT of " + change.getEntity() + " " + change.getSourceId() + " without a payload" : null;
        }
        if (change.getEntity() == null || !EntityRegistry.of(change.getEntity()).accepts(payload)) {
            return "entity " + change.getEntity() + " does not take a " + payload.getClass().getSimpleName() + " payload";
        }
        SpecificRecordBase record = (SpecificRecordBase) payload;
        Schema.Field id = record.getSchema().getField("id");
        if (id != null && !change.getSourceId().equals(String.valueOf(record.get(id.pos())))) {
            return "payload id '" + record.get(id.pos()) + "' differs from sourceId '" + change.getSourceId() + "'";
        }
        return null;
    }

    /**
     * True when an envelope is sound enough to be decided without its payload (key and connection agree, the system is
     * the topic's, id and hash present); the full check ({@link #problem}) is for everything else.
     */
    public static boolean headerFits(String key, String connectionId, SystemType system, SystemType expectedSystem,
                                     String sourceId, String contentHash) {
        return !isBlank(connectionId) && connectionId.equals(key) && (expectedSystem == null || system == expectedSystem)
                && !isBlank(sourceId) && !isBlank(contentHash);
    }

    public static String problem(String key, WriteResult result) {
        if (result == null) {
            return "write result without a value";
        }
        if (isBlank(result.getConnectionId()) || !result.getConnectionId().equals(key)) {
            return "record key '" + key + "' does not match connectionId '" + result.getConnectionId() + "'";
        }
        if (isBlank(result.getCommandId()) || isBlank(result.getSourceId())) {
            return "write result without commandId or sourceId";
        }
        if (result.getSourceSystem() == result.getTargetSystem()) {
            return "write result with source and target both " + result.getTargetSystem();
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
