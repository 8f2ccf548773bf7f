package io.sxs.schemas.registry;

import io.sxs.schemas.common.EntityType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * What the pipeline knows about one entity independent of either system: its canonical payload, the rule that names
 * its owner, and the references its payload makes to other synced items (read from the payload schema's
 * {@code "sxs.ref"} marks, see {@link ReferencePlan}).
 *
 * @param directionOf for {@link OwnershipRule#DIRECTION}: the entity whose direction setting applies (credit notes
 *                    follow invoices), else null
 * @param defaultDirection the direction when a connection names none (DIRECTION entities only), else null
 * @param synced      false while the pipeline carries the entity's changes but issues no commands for it yet
 * @param followsDocuments true when a document that references an unmapped item may bring that item across (a
 *                    contact in WITH_DOCUMENTS mode, an item whose direction is OFF, or one owned by the document's
 *                    side that has not synced yet)
 */
public record EntityDescriptor(EntityType type, Class<? extends SpecificRecordBase> payloadType, OwnershipRule ownership,
                               EntityType directionOf, io.sxs.schemas.envelope.Direction defaultDirection,
                               boolean synced, boolean followsDocuments, String noun, ReferencePlan references) {

    public Schema payloadSchema() {
        return references.schema();
    }

    public boolean accepts(Object payload) {
        return payloadType.isInstance(payload);
    }
}
