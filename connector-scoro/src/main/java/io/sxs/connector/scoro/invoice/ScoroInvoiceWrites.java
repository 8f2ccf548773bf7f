package io.sxs.connector.scoro.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.common.DocumentStatus;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.document.Documents;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.DocumentType;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Invoices and credit invoices, or with {@link #bills} purchase bills: the number {@code no} is the lookup key; the
 * full line set goes every time.
 */
public final class ScoroInvoiceWrites implements EntityWrites {

    private final boolean bills;

    public ScoroInvoiceWrites() {
        this(false);
    }

    private ScoroInvoiceWrites(boolean bills) {
        this.bills = bills;
    }

    public static ScoroInvoiceWrites bills() {
        return new ScoroInvoiceWrites(true);
    }

    @Override
    public String module() {
        return bills ? ScoroInvoiceMapper.BILLS_MODULE : ScoroInvoiceMapper.MODULE;
    }

    @Override
    public String idField() {
        return "id";
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return ScoroInvoiceMapper.needsOf(document(command), new ReferenceNeeds());
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        // Line ids are only Scoro's when the command came from Scoro; otherwise Scoro re-creates the full set.
        boolean scoroLineIds = command.getSourceSystem() == SystemType.SCORO;
        Invoice document = document(command);
        if (document.getDocumentType() == DocumentType.CREDIT_NOTE && document.getCreditedInvoiceRefs().isEmpty()) {
            // A Scoro credit invoice is one of the invoices it credits: an unallocated Xero credit note has none yet.
            throw new ScoroMappingException("credit note " + document.getNumber() + " is not allocated to an invoice yet;"
                    + " it comes to Scoro as a credit invoice of the invoice it is allocated to");
        }
        return ScoroInvoiceMapper.toRequest(document, refs, scoroLineIds, bills);
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        JsonNode no = request.get("no");
        return no == null || no.asText().isBlank() ? null : new LookupKey("no", no.asText());
    }

    /** A document Xero voided or deleted: Scoro has no void, so its counterpart is deleted. */
    @Override
    public boolean meansDelete(Command command) {
        DocumentStatus status = document(command).getStatus();
        return status == DocumentStatus.VOIDED || status == DocumentStatus.DELETED;
    }

    @Override
    public boolean complete(JsonNode object) {
        JsonNode lines = object.get("lines");
        return lines != null && lines.isArray();
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return bills ? ScoroInvoiceMapper.toBill(object) : ScoroInvoiceMapper.toCanonical(object);
    }

    private static Invoice document(Command command) {
        return command.getPayload() instanceof Bill bill ? Documents.asInvoice(bill) : (Invoice) command.getPayload();
    }
}
