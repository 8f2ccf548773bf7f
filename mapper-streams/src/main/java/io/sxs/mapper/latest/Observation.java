package io.sxs.mapper.latest;

import io.sxs.mapper.serde.ChangeHeader;
import io.sxs.schemas.envelope.ChangeRecord;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * What makes two reads of an item the same observation of it: the operation, the source's version stamp and the hash
 * of the content. Re-reads in a source's overlap window repeat all three; they differ only in event id and read time.
 */
record Observation(String operation, String sourceVersion, String contentHash) {

    static Observation of(ChangeRecord change) {
        return new Observation(change.getOperation().name(), change.getSourceVersion(), change.getContentHash());
    }

    /**
     * The observation an encoded ChangeRecord holds, read from its envelope without decoding the payload (see
     * {@link ChangeHeader}). Null when the writer schema holds the envelope in a shape that reader does not know, so
     * that the caller treats the observation as new.
     */
    static Observation read(Schema writer, byte[] encoded) {
        ChangeHeader header = writer == null ? null : ChangeHeader.read(writer, encoded);
        return header == null ? null : new Observation(header.operation().name(), header.sourceVersion(), header.contentHash());
    }

    boolean sameAs(Observation other) {
        return other != null && operation.equals(other.operation) && Objects.equals(sourceVersion, other.sourceVersion)
                && contentHash.equals(other.contentHash);
    }
}
