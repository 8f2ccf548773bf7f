package io.sxs.connector.xero.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What the batch writer needs to know about one Xero endpoint: how to build request elements from commands, how to
 * read a returned element back into the canonical model (the same mapper the reader uses), and how to recognise and
 * resolve "this already exists" after a create whose earlier outcome was unknown.
 */
public interface XeroEntitySink {

    /** Endpoint and envelope key, e.g. {@code Contacts}. */
    String collection();

    /** The element id field, e.g. {@code ContactID}. */
    String idField();

    /** Query parameters for this endpoint's writes and reads (e.g. {@code unitdp=4}). */
    Map<String, String> query();

    ObjectNode createElement(Command command) throws MappingException;

    ObjectNode updateElement(Command command) throws MappingException;

    /** The create element for a command of {@code connection} (documents name its tracking category on lines). */
    default ObjectNode createElement(Command command, ConnectionConfig connection) throws MappingException {
        return createElement(command);
    }

    default ObjectNode updateElement(Command command, ConnectionConfig connection) throws MappingException {
        return updateElement(command);
    }

    /** The returned element, mapped exactly as a read would map it. */
    SpecificRecordBase toCanonical(JsonNode element) throws MappingException;

    /** The element as a request, to tell whether an update would change anything. */
    ObjectNode asRequest(JsonNode element) throws MappingException;

    /**
     * Follow-up calls a written element needs (a credit note's allocation to the invoice it credits); returns a note
     * for the result's message, or null, and brings {@code written} (the reply's element) to the state Xero now holds. Throws only
     * what should fail the command (a throttle, a lost reply).
     */
    default String afterWrite(XeroSession session, Command command, ObjectNode written) throws ApiException {
        return null;
    }

    /** True when a create failed because the item's unique name or number is taken. */
    boolean isDuplicate(List<String> messages);

    /** Finds the item holding the unique key that {@code sent} collided on (empty when none). */
    Optional<JsonNode> findExisting(XeroSession session, ObjectNode sent) throws ApiException;

    /**
     * Null when {@code existing} is the pipeline's own earlier write of {@code sent}; otherwise the clash, in words
     * ({@code existing} null: the holder of the key could not be found).
     */
    String clash(JsonNode existing, ObjectNode sent);

    /**
     * A delete or void: either the element to POST, or a final result (already gone, blocked). May call the API
     * (e.g. to read the invoice's status).
     */
    DeletePlan planDelete(XeroSession session, Command command) throws ApiException;

    /** Either an element to POST or a finished result. */
    record DeletePlan(ObjectNode element, WriteResult result) {

        public static DeletePlan post(ObjectNode element) {
            return new DeletePlan(element, null);
        }

        public static DeletePlan done(WriteResult result) {
            return new DeletePlan(null, result);
        }
    }
}
