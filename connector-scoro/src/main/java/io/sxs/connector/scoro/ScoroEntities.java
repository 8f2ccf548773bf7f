package io.sxs.connector.scoro;

import io.sxs.connector.scoro.account.ScoroFinanceAccountMapper;
import io.sxs.connector.scoro.account.ScoroFinanceAccountReader;
import io.sxs.connector.scoro.bankaccount.ScoroReceiptAccountWrites;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.contact.ScoroContactReader;
import io.sxs.connector.scoro.contact.ScoroContactWrites;
import io.sxs.connector.scoro.invoice.ScoroInvoiceReader;
import io.sxs.connector.scoro.invoice.ScoroInvoiceWrites;
import io.sxs.connector.scoro.item.ScoroProductReader;
import io.sxs.connector.scoro.item.ScoroProductWrites;
import io.sxs.connector.scoro.mapping.ScoroSnapshotReader;
import io.sxs.connector.scoro.payment.ScoroReceiptWrites;
import io.sxs.connector.scoro.prepayment.ScoroPrepaymentReader;
import io.sxs.connector.scoro.reference.ReferenceCache;
import io.sxs.connector.scoro.taxrate.ScoroVatCodeMapper;
import io.sxs.connector.scoro.taxrate.ScoroVatCodeReader;
import io.sxs.connector.scoro.tracking.ScoroAccountingObjectMapper;
import io.sxs.schemas.common.EntityType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one list of the entities the Scoro connector reads and writes: adding an entity is one line here. */
public final class ScoroEntities {

    private final List<ScoroEntity> all;
    private final Map<EntityType, ScoroEntity> byWritten = new EnumMap<>(EntityType.class);

    public ScoroEntities(ScoroClients clients, ReferenceCache references) {
        this(List.of(
                new ScoroEntity(EntityType.CONTACT, new ScoroContactReader(clients), new ScoroContactWrites()),
                new ScoroEntity(EntityType.ITEM, new ScoroProductReader(clients), new ScoroProductWrites()),
                new ScoroEntity(EntityType.INVOICE, Set.of(EntityType.INVOICE, EntityType.CREDIT_NOTE),
                        new ScoroInvoiceReader(clients), new ScoroInvoiceWrites()),
                new ScoroEntity(EntityType.BILL, ScoroInvoiceReader.bills(clients), ScoroInvoiceWrites.bills()),
                // Written from Xero only, and not read back: Scoro announces no receipt changes (polling them would
                // spend the site's daily quota on what Xero owns).
                new ScoroEntity(EntityType.PAYMENT, null, new ScoroReceiptWrites()),
                new ScoroEntity(EntityType.BANK_ACCOUNT, null, new ScoroReceiptAccountWrites()),
                // Read to match Xero prepayments onto; never written (their receipts are payments).
                new ScoroEntity(EntityType.PREPAYMENT, new ScoroPrepaymentReader(clients), null),
                new ScoroEntity(EntityType.TAX_RATE, new ScoroVatCodeReader(clients), ScoroVatCodeMapper.writes()),
                new ScoroEntity(EntityType.ACCOUNT, new ScoroFinanceAccountReader(clients), ScoroFinanceAccountMapper.writes()),
                new ScoroEntity(EntityType.TRACKING_OPTION, new ScoroSnapshotReader(clients, EntityType.TRACKING_OPTION,
                        ScoroAccountingObjectMapper.MODULE, ScoroAccountingObjectMapper.ID_FIELD,
                        ScoroAccountingObjectMapper::toCanonical), ScoroAccountingObjectMapper.writes())));
    }

    ScoroEntities(List<ScoroEntity> all) {
        this.all = List.copyOf(all);
        for (ScoroEntity entity : all) {
            for (EntityType written : entity.written()) {
                if (entity.writes() != null && byWritten.put(written, entity) != null) {
                    throw new IllegalStateException("two Scoro adapters write " + written);
                }
            }
        }
    }

    public List<ScoroEntity> all() {
        return all;
    }

    /** The adapter whose writes take commands of {@code entity}, or null when Scoro is never written for it. */
    public ScoroEntity writing(EntityType entity) {
        return byWritten.get(entity);
    }

    /** The reader that reads {@code entity} in Scoro, or null. */
    public <R> R reader(EntityType entity, Class<R> type) {
        for (ScoroEntity e : all) {
            if (e.entity() == entity) {
                return type.cast(e.reader());
            }
        }
        return null;
    }
}
