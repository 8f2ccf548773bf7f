package io.sxs.connector.scoro;

import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.connector.source.EntityReader;
import io.sxs.schemas.common.EntityType;
import java.util.Set;

/**
 * One entity on the Scoro side, as listed in {@link ScoroEntities}: the reader and the writes from its entity's
 * package, and the entities whose commands the writes take.
 *
 * @param entity  the entity its reader reads (and reads back after a write)
 * @param written the entities whose commands go through {@code writes} (a Scoro credit invoice is an invoice)
 * @param writes  null when the pipeline never writes the entity to Scoro
 */
public record ScoroEntity(EntityType entity, Set<EntityType> written, EntityReader reader, EntityWrites writes) {

    public ScoroEntity(EntityType entity, EntityReader reader, EntityWrites writes) {
        this(entity, Set.of(entity), reader, writes);
    }
}
