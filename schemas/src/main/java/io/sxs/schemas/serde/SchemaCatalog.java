package io.sxs.schemas.serde;

import io.sxs.schemas.envelope.ChangeRecord;
import io.sxs.schemas.envelope.Command;
import io.sxs.schemas.envelope.ConnectionConfig;
import io.sxs.schemas.envelope.ConnectionCredentials;
import io.sxs.schemas.envelope.ConnectionFacts;
import io.sxs.schemas.envelope.CursorKey;
import io.sxs.schemas.envelope.EntityKey;
import io.sxs.schemas.envelope.IdMapEntry;
import io.sxs.schemas.envelope.PendingChange;
import io.sxs.schemas.envelope.SourceCursor;
import io.sxs.schemas.envelope.SourceHint;
import io.sxs.schemas.envelope.SyncLogEntry;
import io.sxs.schemas.envelope.WriteResult;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/** The record types that appear as keys or values on the pipeline's topics; every other type is nested in one of them. */
public final class SchemaCatalog {

    public static final List<Class<? extends SpecificRecordBase>> TOP_LEVEL_TYPES = List.of(
            ConnectionConfig.class, ChangeRecord.class, Command.class, WriteResult.class, SyncLogEntry.class,
            EntityKey.class, IdMapEntry.class, PendingChange.class, CursorKey.class, SourceCursor.class, SourceHint.class,
            ConnectionFacts.class, ConnectionCredentials.class, io.sxs.schemas.view.ViewKey.class,
            io.sxs.schemas.view.ViewRecord.class, io.sxs.schemas.view.ViewSide.class);

    private SchemaCatalog() {
    }

    public static Schema schemaOf(Class<? extends SpecificRecordBase> type) {
        try {
            return (Schema) type.getMethod("getClassSchema").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Not a generated Avro class: " + type.getName(), e);
        }
    }
}
