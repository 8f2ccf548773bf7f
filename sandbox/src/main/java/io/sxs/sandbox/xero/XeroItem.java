package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** An item (product or service). Hard-deleted: it vanishes without a tombstone. */
record XeroItem(String itemId, ObjectNode fields, Instant updated) implements java.io.Serializable {

    String code() {
        return fields.path("Code").asText();
    }
}
