package io.sxs.mapper.translate;

import io.sxs.schemas.envelope.MissingDependency;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A payload rewritten into the target system's id space. When {@link #missing()} is not empty the payload is
 * incomplete and must not be written; {@link #notes()} name what was dropped on purpose (e.g. an unmapped line item).
 */
public record Translation(SpecificRecordBase payload, List<MissingDependency> missing, List<String> notes) {

    public Translation {
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }

    public boolean complete() {
        return missing.isEmpty();
    }
}
