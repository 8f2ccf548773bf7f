package io.sxs.schemas.registry;

/** Which connection setting names the owner of an entity (SPEC section 2, "Ownership"). */
public enum OwnershipRule {
    /** One direction at a time, from the connection's {@code directions} entry for the entity. */
    DIRECTION,
    /** The connection's contact mode: from Scoro, to Scoro, or with the documents that use the contact. */
    CONTACT_MODE,
    /** Xero owns it on every connection (reference data and money flow Xero to Scoro only). */
    XERO
}
