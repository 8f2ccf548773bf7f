package io.sxs.connector.xero;

import io.sxs.connector.source.EntityReader;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.schemas.common.EntityType;

/**
 * One entity on the Xero side, as listed in {@link XeroEntities}: the reader and the sink from its entity's package.
 *
 * @param sink null when the pipeline never writes the entity to Xero
 */
public record XeroEntity(EntityType entity, EntityReader reader, XeroEntitySink sink) {
}
