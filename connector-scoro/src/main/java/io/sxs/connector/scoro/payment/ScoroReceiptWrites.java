package io.sxs.connector.scoro.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Payments, refunds and allocations from Xero as Scoro receipts. Receipts have no reference field, so a create whose
 * outcome is unknown is found again by its content: a live receipt of the same date, account, documents and sums.
 * A payment deleted in Xero (Status DELETED; Xero payments are never edited otherwise) deletes its receipt.
 */
public final class ScoroReceiptWrites implements EntityWrites {

    @Override
    public String module() {
        return ScoroReceiptMapper.MODULE;
    }

    @Override
    public String idField() {
        return ScoroReceiptMapper.ID_FIELD;
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return new ReferenceNeeds();
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return ScoroReceiptMapper.toRequest((Payment) command.getPayload());
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        return new LookupKey("date", request.path("date").asText());
    }

    @Override
    public boolean sameItem(JsonNode row, ObjectNode request, LookupKey key) {
        return ScoroReceiptMapper.sameReceipt(request, row);
    }

    @Override
    public boolean meansDelete(Command command) {
        return command.getPayload() instanceof Payment p && p.getStatus() == PaymentStatus.DELETED;
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return ScoroReceiptMapper.toCanonical(object);
    }
}
