package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * A stored contact. Client-writable fields live in {@link #fields} under their Xero names (so the
 * "omitted scalars are kept, given arrays replace" update rule is a plain merge); the rest is derived.
 */
final class XeroContact implements java.io.Serializable {
    /** Fixed, so a rebuild that keeps the fields can still read earlier snapshots. */
    @java.io.Serial
    private static final long serialVersionUID = 1L;


    final String contactId;
    final ObjectNode fields;
    final String status;
    final Instant updated;
    /** Derived: the contact has at least one ACCREC (customer) or ACCPAY (supplier) invoice. */
    volatile boolean customer;
    volatile boolean supplier;

    XeroContact(String contactId, ObjectNode fields, String status, Instant updated) {
        this.contactId = contactId;
        this.fields = fields;
        this.status = status;
        this.updated = updated;
    }

    String name() {
        return fields.path("Name").asText("");
    }

    String contactNumber() {
        return fields.hasNonNull("ContactNumber") ? fields.get("ContactNumber").asText() : null;
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
