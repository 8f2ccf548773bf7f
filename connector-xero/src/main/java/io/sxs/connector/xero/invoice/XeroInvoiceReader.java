package io.sxs.connector.xero.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero sales invoices (Type ACCREC) and bills (ACCPAY): they share the endpoint, so one paged read brings both and
 * no call is spent twice on it; each row is the entity its Type says. DELETED and VOIDED documents are upserts: Xero
 * keeps them, and their status says what happened.
 */
public class XeroInvoiceReader extends XeroPagedReader {

    public XeroInvoiceReader(XeroClient client) {
        this(client, MAX_PAGE_SIZE);
    }

    public XeroInvoiceReader(XeroClient client, int pageSize) {
        super(client, pageSize);
    }

    @Override
    public EntityType entity() {
        return EntityType.INVOICE;
    }

    @Override
    public java.util.Set<EntityType> entities() {
        return java.util.Set.of(EntityType.INVOICE, EntityType.BILL);
    }

    @Override
    protected String collection() {
        return "Invoices";
    }

    @Override
    protected String idField() {
        return "InvoiceID";
    }

    @Override
    protected void addQuery(Map<String, String> query) {
        // Unit amounts keep their 4 decimals only when asked for.
        query.put("unitdp", "4");
    }

    @Override
    protected boolean skip(JsonNode row) {
        return row.hasNonNull("Type") && !XeroDocumentKind.SALES_INVOICE.type.equals(row.get("Type").asText())
                && !XeroDocumentKind.BILL.type.equals(row.get("Type").asText());
    }

    @Override
    protected EntityType entityOf(JsonNode row) {
        return XeroDocumentKind.BILL.type.equals(row.path("Type").asText()) ? EntityType.BILL : EntityType.INVOICE;
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        return XeroInvoiceMapper.toEntity(row, entityOf(row) == EntityType.BILL ? XeroDocumentKind.BILL : XeroDocumentKind.SALES_INVOICE);
    }
}
