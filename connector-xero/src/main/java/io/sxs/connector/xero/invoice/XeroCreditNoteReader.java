package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero sales credit notes (CreditNotes of Type ACCRECCREDIT; purchase credit notes are skipped), paged and ordered by
 * UpdatedDateUTC with their lines and allocations: a credit note names the invoices it is allocated to.
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
