package io.sxs.connector.xero.payment;

import static io.sxs.connector.xero.mapping.XeroFields.date;
import static io.sxs.connector.xero.mapping.XeroFields.decimal;
import static io.sxs.connector.xero.mapping.XeroFields.guid;
import static io.sxs.connector.xero.mapping.XeroFields.money;
import static io.sxs.connector.xero.mapping.XeroFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.entity.Overpayment;
import io.sxs.schemas.money.Decimals;
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
        String id = XeroFields.requiredText(row, "OverpaymentID");
        try {
            return Overpayment.newBuilder()
                    .setId(id)
                    .setContactRef(guid(row.path("Contact"), "ContactID"))
                    .setDate(date(row, "Date"))
                    .setReference(text(row, "Reference"))
                    .setCurrency(text(row, "CurrencyCode"))
                    .setCurrencyRate(decimal(row, "CurrencyRate", Decimals.RATE_SCALE))
                    .setStatus(status(text(row, "Status")))
                    .setSubTotal(money(row, "SubTotal"))
                    .setTotalTax(money(row, "TotalTax"))
                    .setTotal(money(row, "Total"))
                    .setRemainingCredit(money(row, "RemainingCredit"))
                    .setUpdatedAt(XeroFields.timestamp(row, "UpdatedDateUTC"))
                    .build();
        } catch (MappingException e) {
            throw new MappingException("overpayment " + id + ": " + e.getMessage());
        }
    }

    private static CreditStatus status(String status) throws MappingException {
        if (status == null) {
            throw new MappingException("missing Status");
        }
        try {
            return CreditStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw new MappingException("unknown Status " + status);
        }
    }
}
