package io.sxs.connector.xero;

import io.sxs.connector.source.EntityReader;
import io.sxs.connector.xero.sink.XeroEntitySink;
import io.sxs.schemas.common.EntityType;

/**
 * One entity on the Xero side, as listed in {@link XeroEntities}: the reader and the sink from its entity's package.
 *
 * @param reader   null when another entity's reader brings its rows (bills come in the invoices' pages)
 * @param readWith the entity whose reader reads it (its own, unless its rows come in another's pages)
 * @param sink   null when the pipeline never writes the entity to Xero
 */
public record XeroEntity(EntityType entity, EntityReader reader, XeroEntitySink sink, EntityType readWith) {

    public XeroEntity(EntityType entity, EntityReader reader, XeroEntitySink sink) {
        this(entity, reader, sink, entity);
    }

    /** An entity whose rows come in the pages of {@code readWith}'s reader, written by its own sink. */
    public static XeroEntity readWith(EntityType entity, EntityType readWith, XeroEntitySink sink) {
        return new XeroEntity(entity, null, sink, readWith);
    }
}
