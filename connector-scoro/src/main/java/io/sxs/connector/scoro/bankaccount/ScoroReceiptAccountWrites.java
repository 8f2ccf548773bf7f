package io.sxs.connector.scoro.bankaccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Receipt accounts, written when the first payment through a Xero bank account syncs. Scoro may hold one of the same
 * name already (users set up their banks in both systems), so a create looks it up by name and adopts it.
 */
public final class ScoroReceiptAccountWrites implements EntityWrites {

    @Override
    public String module() {
        return ScoroReceiptAccountMapper.MODULE;
    }

    @Override
    public String idField() {
        return ScoroReceiptAccountMapper.ID_FIELD;
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return new ReferenceNeeds();
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return ScoroReceiptAccountMapper.toRequest((BankAccount) command.getPayload());
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        return new LookupKey("name", request.path("name").asText());
    }

    @Override
    public boolean mayPreexist() {
        return true;
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return ScoroReceiptAccountMapper.toCanonical(object);
    }
}
