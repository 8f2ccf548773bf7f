package io.sxs.connector.xero.payment;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroPagedReader;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.CreditStatus;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.PaymentKind;
import io.sxs.schemas.entity.PaymentStatus;
import io.sxs.schemas.entity.Prepayment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero Prepayments received (Type RECEIVE-PREPAYMENT; supplier prepayments are skipped), paged and modified-since.
 * A prepayment is matched onto a Scoro prepayment invoice by the mapper (it is never written to Scoro as a document);
 * the money it received is a {@code PAYMENT} read with it (id: the prepayment's + {@value #PAYMENT_SUFFIX}, paid
 * document: the prepayment), which
 * becomes a receipt on the matched Scoro prepayment invoice, through "Prepayments (Xero)" (a prepayment names no bank
 * account; its bank transaction is not read), for what the prepayment still holds: its Total less the refunds its row
 * lists. A voided or wholly refunded prepayment deletes the receipt. Its allocations are payments of the invoices they
 * settle, through the same account, read with it like an overpayment's.
 */
public final class XeroPrepaymentReader extends XeroPagedReader {

    /** The prepayment's payment is the prepayment's id with this suffix. */
    public static final String PAYMENT_SUFFIX = "/payment";

    public XeroPrepaymentReader(XeroClient client) {
        super(client, MAX_PAGE_SIZE);
    }

    @Override
    public EntityType entity() {
        return EntityType.PREPAYMENT;
    }

    @Override
    public Set<EntityType> entities() {
        return Set.of(EntityType.PREPAYMENT, EntityType.PAYMENT, EntityType.BANK_ACCOUNT);
    }

    @Override
    public Set<EntityType> announcedBy() {
        return Set.of(EntityType.INVOICE);
    }

    @Override
    public int maxIdsPerRead() {
        return 0; // Xero announces no prepayments: news of an invoice brings the poll forward
    }

    @Override
    protected String collection() {
        return "Prepayments";
    }

    @Override
    protected String idField() {
        return "PrepaymentID";
    }

    @Override
    protected void addQuery(Map<String, String> query) {
    }

    @Override
    protected boolean skip(JsonNode row) {
        return !"RECEIVE-PREPAYMENT".equals(row.path("Type").asText());
    }

    @Override
    protected List<ReadItem> alongside(JsonNode row, ReadItem prepayment) {
        Prepayment p = (Prepayment) prepayment.payload();
        if (p.getTotal() == null || p.getTotal().signum() <= 0 || p.getDate() == null) {
            return List.of(ReadItem.invalid(EntityType.PAYMENT, p.getId(), prepayment.sourceVersion(), prepayment.modifiedAt(),
                    "prepayment " + p.getId() + " has no positive Total or no Date"));
        }
        BigDecimal refunded;
        try {
            refunded = XeroPaymentMapper.refunded(row, XeroPaymentMapper.Credit.PREPAYMENT);
        } catch (MappingException e) {
            return List.of(ReadItem.invalid(EntityType.PAYMENT, p.getId() + PAYMENT_SUFFIX, prepayment.sourceVersion(),
                    prepayment.modifiedAt(), e.getMessage()));
        }
        // Scoro receipts are positive: what was refunded lowers the prepayment's receipt; all of it deletes the receipt.
        BigDecimal held = p.getTotal().subtract(refunded);
        boolean gone = p.getStatus() == CreditStatus.VOIDED || held.signum() <= 0;
        ReadItem account = AllocationItems.standInAccount(XeroPaymentMapper.Credit.PREPAYMENT, prepayment);
        // Its own id: the source tells the states it has seen apart by id and time, whatever the entity.
        Payment money = Payment.newBuilder().setId(p.getId() + PAYMENT_SUFFIX).setKind(PaymentKind.PAYMENT)
                .setDocumentEntity(EntityType.PREPAYMENT).setDocumentRef(p.getId()).setBankAccountRef(account.sourceId())
                .setContactRef(p.getContactRef()).setDate(p.getDate()).setAmount(gone ? p.getTotal() : held)
                .setCurrency(p.getCurrency()).setCurrencyRate(p.getCurrencyRate()).setReference(p.getReference())
                .setStatus(gone ? PaymentStatus.DELETED : PaymentStatus.AUTHORISED)
                .setUpdatedAt(p.getUpdatedAt()).build();
        List<ReadItem> items = new ArrayList<>();
        items.add(account);
        items.add(ReadItem.upsert(EntityType.PAYMENT, money.getId(), prepayment.sourceVersion(), prepayment.modifiedAt(), money));
        // Allocations settle invoices through the same stand-in account, which is already first in the list.
        AllocationItems.of(row, prepayment, XeroPaymentMapper.Credit.PREPAYMENT).stream()
                .filter(i -> i.entity() != EntityType.BANK_ACCOUNT).forEach(items::add);
        return items;
    }

    @Override
    protected SpecificRecordBase map(JsonNode row) throws MappingException {
        XeroCreditRow c = XeroCreditRow.of(row, XeroPaymentMapper.Credit.PREPAYMENT);
        return Prepayment.newBuilder().setId(c.id()).setContactRef(c.contactRef()).setDate(c.date())
                .setReference(c.reference()).setCurrency(c.currency()).setCurrencyRate(c.currencyRate()).setStatus(c.status())
                .setSubTotal(c.subTotal()).setTotalTax(c.totalTax()).setTotal(c.total())
                .setRemainingCredit(c.remainingCredit()).setUpdatedAt(c.updatedAt()).build();
    }
}
