package io.sxs.connector.scoro.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/** Invoices and credit invoices: the invoice number {@code no} is the lookup key; the full line set goes every time. */
public final class ScoroInvoiceWrites implements EntityWrites {

    @Override
    public String module() {
        return ScoroInvoiceMapper.MODULE;
    }

    @Override
    public String idField() {
        return "id";
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return ScoroInvoiceMapper.needsOf((Invoice) command.getPayload(), new ReferenceNeeds());
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        // Line ids are only Scoro's when the command came from Scoro; otherwise Scoro re-creates the full set.
        boolean scoroLineIds = command.getSourceSystem() == SystemType.SCORO;
        return ScoroInvoiceMapper.toRequest((Invoice) command.getPayload(), refs, scoroLineIds);
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        JsonNode no = request.get("no");
        return no == null || no.asText().isBlank() ? null : new LookupKey("no", no.asText());
    }

    @Override
    public boolean complete(JsonNode object) {
        JsonNode lines = object.get("lines");
        return lines != null && lines.isArray();
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return ScoroInvoiceMapper.toCanonical(object);
    }
}
