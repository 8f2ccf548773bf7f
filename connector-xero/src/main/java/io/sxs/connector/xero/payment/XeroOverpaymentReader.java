package io.sxs.connector.xero.payment;


import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Overpayment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero Overpayments, paged and modified-since. An overpayment reaches Scoro only through its allocations (SPEC: when
 * allocated it becomes a payment of the invoice it settles), each a {@code PAYMENT} read with it; the overpayment
 * itself is recorded (for the audit trail and so that an unallocated one is logged as waiting in Xero) but issues no
 * command. Its lines are not carried. Xero announces no overpayment events: an allocation is an invoice update, so
 * invoice news brings this poll forward.
 */
public final class XeroOverpaymentReader extends XeroPagedReader {

    public XeroOverpaymentReader(XeroClient client) {
        super(client, MAX_PAGE_SIZE);
    }

    @Override
    public EntityType entity() {
        return EntityType.OVERPAYMENT;
    }

    @Override
    public Set<EntityType> entities() {
        return Set.of(EntityType.OVERPAYMENT, EntityType.PAYMENT, EntityType.BANK_ACCOUNT);
    }

    @Override
    public Set<EntityType> announcedBy() {
        return Set.of(EntityType.INVOICE, EntityType.BILL);
    }

    @Override
    public int maxIdsPerRead() {
        return 0; // news is about the invoice: read the changes since the cursor
    }

    @Override
    protected String collection() {
        return "Overpayments";
    }

    @Override
    protected String idField() {
        return "OverpaymentID";
    }

    @Override
    protected void addQuery(Map<String, String> query) {
    }

    @Override
    protected List<ReadItem> alongside(JsonNode row, ReadItem overpayment) {
        return AllocationItems.of(row, overpayment, XeroPaymentMapper.Credit.OVERPAYMENT);
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        return toOverpayment(row);
    }

    static Overpayment toOverpayment(JsonNode row) throws MappingException {
        XeroCreditRow c = XeroCreditRow.of(row, XeroPaymentMapper.Credit.OVERPAYMENT);
        return Overpayment.newBuilder().setId(c.id()).setContactRef(c.contactRef()).setDate(c.date())
                .setReference(c.reference()).setCurrency(c.currency()).setCurrencyRate(c.currencyRate()).setStatus(c.status())
                .setSubTotal(c.subTotal()).setTotalTax(c.totalTax()).setTotal(c.total())
                .setRemainingCredit(c.remainingCredit()).setUpdatedAt(c.updatedAt()).build();
    }
}
