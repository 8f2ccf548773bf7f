package io.sxs.connector.xero.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.TrackingCategory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Xero tracking categories: which one a connection syncs, and each of its options as a TRACKING_OPTION payload (a {@link TrackingCategory} record holding the option). Pure. */
public final class XeroTrackingMapper {

    private XeroTrackingMapper() {
    }

    /**
     * The active category named {@code name} (case-insensitive) among a {@code TrackingCategories} reply.
     *
     * @throws MappingException naming the active categories when there is no such one (Xero allows two active)
     */
    public static JsonNode category(JsonNode categories, String name) throws MappingException {
        List<String> active = new ArrayList<>();
        for (JsonNode c : categories) {
            if (!"ACTIVE".equals(XeroFields.text(c, "Status"))) {
                continue;
            }
            String n = XeroFields.text(c, "Name");
            active.add(n);
            if (n != null && n.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new MappingException("the connection syncs tracking category '" + name + "', which is not an active Xero "
                + "tracking category (active: " + (active.isEmpty() ? "none" : String.join(", ", active)) + ")");
    }

    public static TrackingCategory toOption(String categoryName, JsonNode option) throws MappingException {
        String id = XeroFields.requiredText(option, "TrackingOptionID");
        String name = XeroFields.text(option, "Name");
        if (name == null) {
            throw new MappingException("tracking option " + id + " has no Name");
        }
        String status = XeroFields.text(option, "Status");
        RecordStatus s = status == null || "ACTIVE".equals(status) ? RecordStatus.ACTIVE
                : "ARCHIVED".equals(status) ? RecordStatus.ARCHIVED
                : "DELETED".equals(status) ? RecordStatus.DELETED : null;
        if (s == null) {
            throw new MappingException("tracking option " + id + " has unknown Status " + status);
        }
        return TrackingCategory.newBuilder().setId(id).setName(name).setStatus(s)
                .setCategoryName(categoryName).setOptions(List.of()).build();
    }
}
