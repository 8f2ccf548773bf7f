package io.sxs.connector.scoro.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/** What the Scoro writer needs to know about one module: its request, its lookup key and its mapper. */
public interface EntityWrites {

    String module();

    /** The id field of the module's objects. */
    String idField();

    /** The reference codes the command's payload uses. */
    ReferenceNeeds needs(Command command);

    /** The modify request; throws {@link io.sxs.connector.scoro.mapping.ScoroMappingException} when it cannot be built. */
    ObjectNode request(Command command, ReferenceData refs);

    /**
     * The field and value by which an item this pipeline created earlier can be found again (the outcome of an earlier
     * create may be unknown), or null when the request carries none.
     */
    LookupKey lookupKey(Command command, ObjectNode request);

    /**
     * True when a listed row found by {@code key} is the item {@code request} would make; by default when its key
     * field equals the key (receipts, which have no key of their own, compare their content).
     */
    default boolean sameItem(JsonNode row, ObjectNode request, LookupKey key) {
        return key.value().equals(io.sxs.connector.scoro.mapping.ScoroValues.text(row, key.field()));
    }

    /**
     * The item Scoro already holds under {@code key}, as the cached reference lists show it (reference data that
     * Scoro had before the pipeline: it is adopted, not duplicated), or null.
     */
    default JsonNode existing(LookupKey key, ReferenceData refs) {
        return null;
    }

    /** True when {@link #existing} answers from the cached reference lists (no lookup call needed). */
    default boolean cachedLists() {
        return false;
    }

    /** True when Scoro may hold the item before the pipeline wrote it (reference data): a create looks first. */
    default boolean mayPreexist() {
        return false;
    }

    /** The update that stands for a delete (reference data documents may use is deactivated), or null to delete. */
    default ObjectNode deactivation() {
        return null;
    }

    /**
     * True when the command's payload is a state Scoro can only hold by not having the item (a document voided or
     * deleted in Xero: Scoro has no void), so an update is written as a delete.
     */
    default boolean meansDelete(Command command) {
        return false;
    }

    /** False when a reply lacks part of the object (an invoice without lines) and must be viewed. */
    boolean complete(JsonNode object);

    /** The object as the API returned it, in the canonical model (its lines carry Scoro's own reference ids). */
    SpecificRecordBase toCanonical(JsonNode object);

    record LookupKey(String field, String value) {
    }
}
