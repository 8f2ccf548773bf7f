package io.sxs.connector.xero;

import io.sxs.connector.xero.account.XeroAccountReader;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.contact.XeroContactReader;
import io.sxs.connector.xero.contact.XeroContactSink;
import io.sxs.connector.xero.invoice.XeroCreditNoteReader;
import io.sxs.connector.xero.invoice.XeroInvoiceReader;
import io.sxs.connector.xero.invoice.XeroInvoiceSink;
import io.sxs.connector.xero.item.XeroItemReader;
import io.sxs.connector.xero.item.XeroItemSink;
import io.sxs.connector.xero.payment.XeroOverpaymentReader;
import io.sxs.connector.xero.payment.XeroPaymentReader;
import io.sxs.connector.xero.payment.XeroPrepaymentReader;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.connector.xero.taxrate.XeroTaxRateReader;
import io.sxs.connector.xero.tracking.XeroTrackingOptionReader;
import io.sxs.schemas.common.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The one list of the entities the Xero connector reads and writes: adding an entity is one line here. */
public final class XeroEntities {

    private final List<XeroEntity> all;
    private final Map<EntityType, XeroEntity> byEntity = new EnumMap<>(EntityType.class);

    public XeroEntities(XeroClient client) {
        this(List.of(
                new XeroEntity(EntityType.CONTACT, new XeroContactReader(client), new XeroContactSink()),
                new XeroEntity(EntityType.ITEM, new XeroItemReader(client), new XeroItemSink()),
                new XeroEntity(EntityType.INVOICE, new XeroInvoiceReader(client), new XeroInvoiceSink()),
                // Bills come in the invoices' pages (one endpoint); they have a sink of their own.
                XeroEntity.readWith(EntityType.BILL, EntityType.INVOICE, XeroInvoiceSink.bills()),
                new XeroEntity(EntityType.CREDIT_NOTE, new XeroCreditNoteReader(client), XeroInvoiceSink.creditNotes()),
                // Xero to Scoro only: never written to Xero.
                new XeroEntity(EntityType.PAYMENT, new XeroPaymentReader(client), null),
                new XeroEntity(EntityType.OVERPAYMENT, new XeroOverpaymentReader(client), null),
                new XeroEntity(EntityType.PREPAYMENT, new XeroPrepaymentReader(client), null),
                new XeroEntity(EntityType.TAX_RATE, new XeroTaxRateReader(client), null),
                new XeroEntity(EntityType.ACCOUNT, new XeroAccountReader(client), null),
                new XeroEntity(EntityType.TRACKING_OPTION, new XeroTrackingOptionReader(client), null)));
    }

    XeroEntities(List<XeroEntity> all) {
        this.all = List.copyOf(all);
        for (XeroEntity entity : all) {
            if (byEntity.put(entity.entity(), entity) != null) {
                throw new IllegalStateException("two Xero adapters for " + entity.entity());
            }
        }
    }

    public List<XeroEntity> all() {
        return all;
    }

    /** The entity whose reader reads back what a command of {@code written} wrote. */
    public EntityType readBy(EntityType written) {
        XeroEntity e = byEntity.get(written);
        return e == null ? written : e.readWith();
    }

    /** The readers, one per endpoint (an entity read with another's pages has none of its own). */
    public List<io.sxs.connector.source.EntityReader> readers() {
        return all.stream().map(XeroEntity::reader).filter(java.util.Objects::nonNull).toList();
    }

    /** The sink that writes {@code entity} to Xero, or null when Xero is never written for it. */
    public XeroEntitySink sink(EntityType entity) {
        XeroEntity e = byEntity.get(entity);
        return e == null ? null : e.sink();
    }
}
