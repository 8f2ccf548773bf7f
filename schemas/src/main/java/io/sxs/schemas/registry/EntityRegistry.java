package io.sxs.schemas.registry;

import static io.sxs.schemas.registry.OwnershipRule.CONTACT_MODE;
import static io.sxs.schemas.registry.OwnershipRule.DIRECTION;
import static io.sxs.schemas.registry.OwnershipRule.XERO;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.Account;
import io.sxs.schemas.entity.BankAccount;
import io.sxs.schemas.entity.Bill;
import io.sxs.schemas.entity.Contact;
import io.sxs.schemas.entity.Invoice;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.entity.Overpayment;
import io.sxs.schemas.entity.Payment;
import io.sxs.schemas.entity.Prepayment;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.entity.TrackingCategory;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.serde.SchemaCatalog;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The one list of entities (SPEC section 2): one line per entity. Everything that is the same for both systems is
 * read from here (payload type, owner rule, references); each connector keeps its own list of adapters.
 */
public final class EntityRegistry {

    private static final List<EntityDescriptor> ALL = List.of(
            xeroOwned(EntityType.ACCOUNT, Account.class, "account", true),
            // A bank account is created in Scoro when the first payment that uses it syncs (SPEC section 2).
            new EntityDescriptor(EntityType.BANK_ACCOUNT, BankAccount.class, XERO, null, null, true, true, "bank account",
                    ReferencePlan.of(SchemaCatalog.schemaOf(BankAccount.class))),
            xeroOwned(EntityType.TAX_RATE, TaxRate.class, "tax rate", true),
            entity(EntityType.CONTACT, Contact.class, CONTACT_MODE, null, null, "contact"),
            // Products on synced documents always sync (SPEC section 2): a line brings an unmapped item across.
            entity(EntityType.ITEM, Item.class, DIRECTION, EntityType.ITEM, Direction.OFF, "item", true),
            entity(EntityType.INVOICE, Invoice.class, DIRECTION, EntityType.INVOICE, Direction.TO_XERO, "invoice"),
            entity(EntityType.CREDIT_NOTE, Invoice.class, DIRECTION, EntityType.INVOICE, Direction.TO_XERO, "credit note"),
            entity(EntityType.BILL, Bill.class, DIRECTION, EntityType.BILL, Direction.OFF, "bill"),
            xeroOwned(EntityType.PAYMENT, Payment.class, "payment", true),
            // Linked onto a Scoro prepayment invoice, never written; its payment is a PAYMENT.
            xeroOwned(EntityType.PREPAYMENT, Prepayment.class, "prepayment", true),
            xeroOwned(EntityType.OVERPAYMENT, Overpayment.class, "overpayment", false),
            xeroOwned(EntityType.TRACKING_CATEGORY, TrackingCategory.class, "tracking category", false),
            xeroOwned(EntityType.TRACKING_OPTION, TrackingCategory.class, "tracking option", true));

    private static final Map<EntityType, EntityDescriptor> BY_TYPE = new EnumMap<>(EntityType.class);

    static {
        for (EntityDescriptor d : ALL) {
            if (BY_TYPE.put(d.type(), d) != null) {
                throw new IllegalStateException("entity " + d.type() + " registered twice");
            }
        }
        for (EntityType type : EntityType.values()) {
            if (!BY_TYPE.containsKey(type)) {
                throw new IllegalStateException("entity " + type + " is not in the registry");
            }
        }
    }

    private EntityRegistry() {
    }

    public static EntityDescriptor of(EntityType type) {
        return BY_TYPE.get(type);
    }

    public static List<EntityDescriptor> all() {
        return ALL;
    }

    private static EntityDescriptor entity(EntityType type, Class<? extends SpecificRecordBase> payload, OwnershipRule rule,
                                           EntityType directionOf, Direction defaultDirection, String noun) {
        return entity(type, payload, rule, directionOf, defaultDirection, noun, rule == CONTACT_MODE);
    }

    private static EntityDescriptor entity(EntityType type, Class<? extends SpecificRecordBase> payload, OwnershipRule rule,
                                           EntityType directionOf, Direction defaultDirection, String noun,
                                           boolean followsDocuments) {
        return new EntityDescriptor(type, payload, rule, directionOf, defaultDirection, true, followsDocuments, noun,
                ReferencePlan.of(SchemaCatalog.schemaOf(payload)));
    }

    private static EntityDescriptor xeroOwned(EntityType type, Class<? extends SpecificRecordBase> payload, String noun,
                                              boolean synced) {
        return new EntityDescriptor(type, payload, XERO, null, null, synced, false, noun,
                ReferencePlan.of(SchemaCatalog.schemaOf(payload)));
    }
}
