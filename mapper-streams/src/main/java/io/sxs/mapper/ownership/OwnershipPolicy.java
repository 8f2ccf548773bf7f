package io.sxs.mapper.ownership;

import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.common.SystemType;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ContactMode;
import io.sxs.schemas.envelope.Direction;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.registry.ConnectionDirections;
import io.sxs.schemas.registry.EntityDescriptor;
import io.sxs.schemas.registry.EntityRegistry;

/**
 * Resolves which system owns an item by the rule the entity registry gives it: the connection's direction for the
 * entity, its contact mode, or Xero for reference data and money (SPEC section 2, "Ownership"). Pure function of its
 * inputs.
 */
public final class OwnershipPolicy {

    private OwnershipPolicy() {
    }

    /**
     * @param mapping the item's ID-map entry in the system the change came from, or null when it is not mapped yet
     */
    public static Ownership resolve(ConnectionConfig connection, EntityType entity, IdMapEntry mapping) {
        EntityDescriptor descriptor = EntityRegistry.of(entity);
        return switch (descriptor.ownership()) {
            case DIRECTION -> byDirection(ConnectionDirections.of(connection, entity), descriptor, mapping);
            case CONTACT_MODE -> contact(connection.getContacts(), mapping);
            case XERO -> !descriptor.synced()
                    ? Ownership.of(Ownership.Kind.NOT_SYNCED_YET, entity == EntityType.OVERPAYMENT
                            // SPEC: only when allocated; its allocations are payments of their own.
                            ? "an overpayment comes to Scoro as the payments its allocations make: until it is allocated"
                                    + " it waits in Xero (not synced yet on its own)"
                            : entity + " is owned by Xero but not synced yet")
                    : descriptor.followsDocuments() && mapping == null
                    // Bank accounts: not before the first payment that uses one.
                    ? Ownership.of(Ownership.Kind.WITH_DOCUMENTS, "a " + descriptor.noun()
                            + " syncs to Scoro with the first payment that uses it")
                    : Ownership.owned(SystemType.XERO);
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

    /**
     * Whether a document from {@code source} may bring across an unmapped item of {@code entity} it references: the
     * entity follows its documents (a contact in WITH_DOCUMENTS mode) or its owner is the document's side.
     */
    public static boolean mayFollowDocumentFrom(ConnectionConfig connection, EntityType entity, SystemType source) {
        if (!EntityRegistry.of(entity).followsDocuments()) {
            return false;
        }
        Ownership ownership = resolve(connection, entity, null);
        return ownership.kind() == Ownership.Kind.WITH_DOCUMENTS
                || ownership.kind() == Ownership.Kind.OWNED && ownership.owns(source);
    }

    public static SystemType other(SystemType system) {
        return system == SystemType.SCORO ? SystemType.XERO : SystemType.SCORO;
    }

    private static Ownership byDirection(Direction direction, EntityDescriptor descriptor, IdMapEntry mapping) {
        SystemType owner = ownerOf(direction);
        if (owner != null) {
            return Ownership.owned(owner);
        }
        String noun = EntityRegistry.of(descriptor.directionOf()).noun();
        if (descriptor.followsDocuments()) {
            // OFF for an entity that follows its documents (items): once a line brought it across, its side owns it.
            return mapping != null
                    ? Ownership.owned(mapping.getOrigin())
                    : Ownership.of(Ownership.Kind.WITH_DOCUMENTS, noun + "s sync is OFF for this connection; an " + noun
                            + " syncs with the documents whose lines need it");
        }
        return Ownership.of(Ownership.Kind.OFF, noun + "s sync is OFF for this connection");
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
