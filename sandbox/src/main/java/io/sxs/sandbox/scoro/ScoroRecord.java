package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** A stored record of one of the simple modules (products, finance objects, receipt accounts). */
record ScoroRecord(long id, ObjectNode fields, Instant created, Instant modified, Instant deleted) implements java.io.Serializable {

    boolean isDeleted() {
        return deleted != null;
    }
}
