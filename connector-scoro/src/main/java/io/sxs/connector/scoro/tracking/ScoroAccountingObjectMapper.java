package io.sxs.connector.scoro.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.sink.ReferenceWrites;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TrackingCategory;

/**
 * Scoro accounting objects ({@code financeObjects}) to and from TRACKING_OPTION payloads ({@link TrackingCategory} records holding one option): an object is
 * one option of the synced Xero category, grouped under the category's name ({@code parent_group_name}). Pure.
 */
public final class ScoroAccountingObjectMapper {

    public static final String MODULE = "financeObjects";
    public static final String ID_FIELD = "object_id";

    private ScoroAccountingObjectMapper() {
    }

    public static TrackingCategory toCanonical(JsonNode row) {
        String id = ScoroValues.id(row, ID_FIELD);
        String name = ScoroValues.text(row, "name");
        if (id == null || name == null) {
            throw new ScoroMappingException("accounting object without " + (id == null ? ID_FIELD : "name"));
        }
        return TrackingCategory.newBuilder().setId(id).setName(name)
                .setStatus(!row.has("is_active") || ScoroValues.flag(row, "is_active") ? RecordStatus.ACTIVE : RecordStatus.ARCHIVED)
                .setCategoryName(ScoroValues.text(row, "parent_group_name")).build();
    }

    public static ObjectNode toRequest(TrackingCategory option) {
        ObjectNode r = ScoroJson.object();
        r.put("name", option.getName());
        if (option.getCategoryName() != null) {
            r.put("parent_group_name", option.getCategoryName());
        }
        r.put("is_active", option.getStatus() == RecordStatus.ACTIVE ? 1 : 0);
        return r;
    }

    /**
     * Options into accounting objects. The reference lists do not carry objects, so a create first looks the name up
     * (one call): Scoro may have the object already.
     */
    public static ReferenceWrites<TrackingCategory> writes() {
        return new ReferenceWrites<>(MODULE, ID_FIELD, "name", TrackingCategory.class, ScoroAccountingObjectMapper::toRequest,
                ScoroAccountingObjectMapper::toCanonical, null, null);
    }
}
