package io.sxs.connector.scoro.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
import io.sxs.connector.scoro.sink.EntityWrites;
import io.sxs.schemas.entity.Item;
import io.sxs.schemas.envelope.Command;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Products: the code is the key. A product with the item's code may be in Scoro before the pipeline (users keep the
 * same codes in both systems), so a create looks it up first and adopts it rather than making a second one.
 */
public final class ScoroProductWrites implements EntityWrites {

    @Override
    public String module() {
        return ScoroProductReader.MODULE;
    }

    @Override
    public String idField() {
        return ScoroProductReader.ID_FIELD;
    }

    @Override
    public ReferenceNeeds needs(Command command) {
        return ScoroProductMapper.needsOf((Item) command.getPayload(), new ReferenceNeeds());
    }

    @Override
    public ObjectNode request(Command command, ReferenceData refs) {
        return ScoroProductMapper.toRequest((Item) command.getPayload(), refs);
    }

    @Override
    public LookupKey lookupKey(Command command, ObjectNode request) {
        String code = ((Item) command.getPayload()).getCode();
        return code == null || code.isBlank() ? null : new LookupKey("code", code);
    }

    @Override
    public boolean mayPreexist() {
        return true;
    }

    @Override
    public boolean complete(JsonNode object) {
        return true;
    }

    @Override
    public SpecificRecordBase toCanonical(JsonNode object) {
        return ScoroProductMapper.toCanonical(object);
    }
}
