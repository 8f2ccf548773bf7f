package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** A stored contact (company or person). Client-writable fields live in {@link #fields} under Scoro's names. */
record ScoroContact(long id, ObjectNode fields, Instant created, Instant modified, Instant deleted) implements java.io.Serializable {

    boolean isDeleted() {
        return deleted != null;
    }
}
