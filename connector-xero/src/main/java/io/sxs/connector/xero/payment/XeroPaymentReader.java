package io.sxs.connector.xero.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero Payments, paged and ordered by UpdatedDateUTC with If-Modified-Since: payments of invoices and bills, and
 * refunds of sales credit notes. A deleted payment stays listed with Status DELETED, which is how its Scoro receipt is
 * removed. Payments of purchase credit notes (not carried) and refunds of prepayments and overpayments (read with
 * those, in their rows' Payments) are skipped. Xero announces no payment events (an invoice UPDATE stands for one), so payments are polled; one GET per
 * poll when nothing changed.
 */
public final class XeroPaymentReader extends XeroPagedReader {

    public XeroPaymentReader(XeroClient client) {
        super(client, MAX_PAGE_SIZE);
    }

    @Override
    public EntityType entity() {
        return EntityType.PAYMENT;
    }

    @Override
    protected String collection() {
        return "Payments";
    }

    @Override
    protected String idField() {
        return "PaymentID";
    }

    @Override
    protected void addQuery(Map<String, String> query) {
    }

    @Override
    protected boolean skip(JsonNode row) {
        return XeroPaymentMapper.paidEntity(row) == null;
    }

    @Override
    public java.util.Set<EntityType> announcedBy() {
        return java.util.Set.of(EntityType.INVOICE, EntityType.BILL, EntityType.CREDIT_NOTE);
    }

    @Override
    public int maxIdsPerRead() {
        return 0; // a hint for payments is answered by reading the changes since the cursor
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        return XeroPaymentMapper.toPayment(row);
    }
}
