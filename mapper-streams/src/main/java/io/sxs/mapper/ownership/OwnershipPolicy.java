package io.sxs.mapper.ownership;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.IdMapEntry;

/**
 * Resolves which system owns an item: the connection's configured direction for the entity names the owner (SPEC
 * section 2, "Ownership"). Pure function of its inputs.
 */
public final class OwnershipPolicy {

    private OwnershipPolicy() {
    }

    /**
     * @param mapping the item's ID-map entry in the system the change came from, or null when it is not mapped yet
     */
    public static Ownership resolve(ConnectionConfig connection, EntityType entity, IdMapEntry mapping) {
        return switch (entity) {
            case INVOICE, CREDIT_NOTE -> byDirection(connection.getInvoices(), "invoices");
            case BILL -> byDirection(connection.getBills(), "bills");
            case ITEM -> byDirection(connection.getItems(), "items");
            case CONTACT -> contact(connection.getContacts(), mapping);
            case ACCOUNT, TAX_RATE, TRACKING_CATEGORY, TRACKING_OPTION, BANK_ACCOUNT, PAYMENT, PREPAYMENT, OVERPAYMENT ->
                    // Xero owns all of these; their commands come in later issues.
                    Ownership.of(Ownership.Kind.NOT_SYNCED_YET, entity + " is owned by Xero but not synced yet");
        };
    }

    /** The owner a direction names, or null for OFF. */
    public static SystemType ownerOf(Direction direction) {
        return switch (direction) {
            case TO_XERO -> SystemType.SCORO;
            case TO_SCORO -> SystemType.XERO;
            case OFF -> null;
        };
    }

    /** The owner a contact mode names, or null for WITH_DOCUMENTS (where a contact follows its documents). */
    public static SystemType ownerOf(ContactMode mode) {
        return switch (mode) {
            case FROM_SCORO -> SystemType.SCORO;
            case TO_SCORO -> SystemType.XERO;
            case WITH_DOCUMENTS -> null;
        };
    }

    /** Whether a document from {@code source} may create the contact it references in the other system. */
    public static boolean contactMaySyncFrom(ConnectionConfig connection, SystemType source) {
        ContactMode mode = connection.getContacts();
        return mode == ContactMode.WITH_DOCUMENTS || ownerOf(mode) == source;
    }

    public static SystemType other(SystemType system) {
        return system == SystemType.SCORO ? SystemType.XERO : SystemType.SCORO;
    }

    private static Ownership byDirection(Direction direction, String setting) {
        SystemType owner = ownerOf(direction);
        return owner == null
                ? Ownership.of(Ownership.Kind.OFF, setting + " sync is OFF for this connection")
                : Ownership.owned(owner);
    }

    private static Ownership contact(ContactMode mode, IdMapEntry mapping) {
        SystemType owner = ownerOf(mode);
        if (owner != null) {
            return Ownership.owned(owner);
        }
        // WITH_DOCUMENTS: once a document brought the contact across, the side it came from keeps owning it.
        return mapping != null
                ? Ownership.owned(mapping.getOrigin())
                : Ownership.of(Ownership.Kind.WITH_DOCUMENTS, "contact syncs with its documents");
    }
}
