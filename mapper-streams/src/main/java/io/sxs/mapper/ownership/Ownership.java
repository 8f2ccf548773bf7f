package io.sxs.mapper.ownership;

import io.sxs.schemas.common.SystemType;

/** Who owns an item under a connection's configuration, or why nobody does. */
public record Ownership(Kind kind, SystemType owner, String reason) {

    public enum Kind {
        /** {@link #owner()} owns the item; changes from it propagate, changes from the other system do not. */
        OWNED,
        /** The entity's sync is switched off for the connection. */
        OFF,
        /** The entity is not synced by the mapper yet (reference data, payments: later issues). */
        NOT_SYNCED_YET,
        /** A contact in WITH_DOCUMENTS mode that is not mapped: it syncs only when a document needs it. */
        WITH_DOCUMENTS
    }

    public static Ownership owned(SystemType owner) {
        return new Ownership(Kind.OWNED, owner, null);
    }

    public static Ownership of(Kind kind, String reason) {
        return new Ownership(kind, null, reason);
    }

    public boolean owns(SystemType system) {
        return kind == Kind.OWNED && owner == system;
    }
}
