package io.sxs.connector.scoro.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero tax rates into Scoro VAT codes. Scoro usually has the codes already (they mirror Xero's), so a create first
 * takes the code of the same name from the cached reference lists: no call when it already says what Xero says, one
 * update when it differs. A removed rate deactivates its code, because documents may use it.
 */
public final class ScoroVatCodeWrites implements EntityWrites {

    @Override
    public String module() {
        return ScoroVatCodeMapper.MODULE;
    }

    @Override
    public String idField() {
        return ScoroVatCodeMapper.ID_FIELD;
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return new ReferenceNeeds().vatCode(((TaxRate) command.getPayload()).getCode());
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return ScoroVatCodeMapper.toRequest((TaxRate) command.getPayload());
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        return new LookupKey("vat_code", request.get("vat_code").asText());
    }

    @Override
    public JsonNode existing(LookupKey key, ReferenceData refs) {
        return refs.vatCodeRow(refs.vatCodeId(key.value()));
    }

    @Override
    public ObjectNode deactivation() {
        return ScoroVatCodeMapper.deactivation();
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public ReferenceNeeds needsOf(JsonNode object) {
        return new ReferenceNeeds();
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object, ReferenceData refs) {
        return ScoroVatCodeMapper.toCanonical(object);
    }
}
