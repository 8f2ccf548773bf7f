package io.sxs.connector.scoro.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/** Contacts: {@code reference_no} is the key the pipeline finds its own contacts by. */
public final class ScoroContactWrites implements EntityWrites {

    /** Prefix of the {@code reference_no} marker for Xero contacts without a ContactNumber. */
    static final String XERO_MARKER = "XERO-";

    @Override
    public String module() {
        return ScoroContactReader.MODULE;
    }

    @Override
    public String idField() {
        return "contact_id";
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return new ReferenceNeeds();
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return ScoroContactMapper.toRequest((Contact) command.getPayload(), referenceNo(command));
    }

    /** The contact number, or for a Xero contact without one the pipeline's marker {@code XERO-<source id>}. */
    static String referenceNo(Command command) {
        Contact contact = (Contact) command.getPayload();
        if (contact.getNumber() != null && !contact.getNumber().isBlank()) {
            return contact.getNumber();
        }
        return command.getSourceSystem() == SystemType.XERO ? XERO_MARKER + command.getSourceId() : null;
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        String ref = referenceNo(command);
        return ref == null ? null : new LookupKey("reference_no", ref);
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return ScoroContactMapper.toCanonical(object);
    }
}
