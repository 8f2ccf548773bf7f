package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.payment.AllocationItems;
import io.sxs.connector.xero.payment.XeroPaymentMapper;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero sales credit notes (CreditNotes of Type ACCRECCREDIT; purchase credit notes are skipped), paged and ordered by
 * UpdatedDateUTC with their lines and allocations: a credit note names the invoices it is allocated to, and each
 * allocation is also a {@code PAYMENT} of the invoice it settles (SPEC: allocations come to Scoro as payments), read in
 * the same call, with the stand-in bank account they go through.
 */
public class XeroCreditNoteReader extends XeroPagedReader {

    public XeroCreditNoteReader(XeroClient client) {
        super(client, MAX_PAGE_SIZE);
    }

    @Override
    public EntityType entity() {
        return EntityType.CREDIT_NOTE;
    }

    @Override
    public Set<EntityType> entities() {
        return Set.of(EntityType.CREDIT_NOTE, EntityType.PAYMENT, EntityType.BANK_ACCOUNT);
    }

    /** The allocations the pipeline made after writing a credit note are payments that come to Scoro from here. */
    @Override
    public boolean readsOwnWrites() {
        return true;
    }

    @Override
    protected List<ReadItem> alongside(JsonNode row, ReadItem creditNote) {
        return AllocationItems.of(row, creditNote, XeroPaymentMapper.Credit.CREDIT_NOTE);
    }

    @Override
    protected String collection() {
        return XeroDocumentKind.SALES_CREDIT_NOTE.collection;
    }

    @Override
    protected String idField() {
        return XeroDocumentKind.SALES_CREDIT_NOTE.idField;
    }

    @Override
    protected void addQuery(Map<String, String> query) {
        query.put("unitdp", "4");
    }

    @Override
    protected boolean skip(JsonNode row) {
        return row.hasNonNull("Type") && !XeroDocumentKind.SALES_CREDIT_NOTE.type.equals(row.get("Type").asText());
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        return XeroInvoiceMapper.toDocument(row, XeroDocumentKind.SALES_CREDIT_NOTE);
    }
}
