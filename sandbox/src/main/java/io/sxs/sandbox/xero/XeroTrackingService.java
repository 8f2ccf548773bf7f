package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Tracking categories: at most 2 ACTIVE and 4 in total; names ≤100 and unique; a category or option that is used
 * on a document cannot be deleted (archive it instead); unused ones vanish when deleted.
 */
final class XeroTrackingService {

    private XeroTrackingService() {
    }

    static XeroTrackingCategory create(XeroTenantState st, JsonNode in) {
        String name = Json.str(in, "Name");
        checkName(st, name, null);
        if (activeCount(st) >= 2) {
            throw new SandboxValidationException("You can only have 2 active tracking categories.");
        }
        if (st.tracking.size() >= 4) {
            throw new SandboxValidationException("You can only have 4 tracking categories (active and archived).");
        }
        XeroTrackingCategory c = new XeroTrackingCategory(UUID.randomUUID().toString(), name.trim());
        st.tracking.put(c.categoryId, c);
        return c;
    }

    static XeroTrackingCategory update(XeroTenantState st, XeroTrackingCategory c, JsonNode in) {
        String name = Json.str(in, "Name");
        String status = Json.str(in, "Status");
        if (name != null) {
            checkName(st, name, c);
        }
        if (status != null) {
            if (!status.equals("ACTIVE") && !status.equals("ARCHIVED")) {
                throw new SandboxValidationException("Status must be ACTIVE or ARCHIVED.");
            }
            if (status.equals("ACTIVE") && !c.status.equals("ACTIVE") && activeCount(st) >= 2) {
                throw new SandboxValidationException("You can only have 2 active tracking categories.");
            }
            c.status = status;
        }
        if (name != null) {
            c.name = name.trim();
        }
        return c;
    }

    static void delete(XeroTenantState st, XeroTrackingCategory c) {
        if (used(st, c.categoryId, null)) {
            throw new SandboxValidationException("The tracking category " + c.name
                    + " cannot be deleted as it has been used. Archive it instead.");
        }
        st.tracking.remove(c.categoryId);
    }

    static XeroTrackingCategory.Option addOption(XeroTrackingCategory c, JsonNode in) {
        String name = Json.str(in, "Name");
        checkOptionName(c, name, null);
        XeroTrackingCategory.Option o = new XeroTrackingCategory.Option(UUID.randomUUID().toString(), name.trim());
        c.options.put(o.optionId, o);
        return o;
    }

    static XeroTrackingCategory.Option updateOption(XeroTrackingCategory c, XeroTrackingCategory.Option o, JsonNode in) {
        String name = Json.str(in, "Name");
        String status = Json.str(in, "Status");
        if (name != null) {
            checkOptionName(c, name, o);
            o.name = name.trim();
        }
        if (status != null) {
            if (!status.equals("ACTIVE") && !status.equals("ARCHIVED")) {
                throw new SandboxValidationException("Status must be ACTIVE or ARCHIVED.");
            }
            o.status = status;
        }
        return o;
    }

    static void deleteOption(XeroTenantState st, XeroTrackingCategory c, XeroTrackingCategory.Option o) {
        if (used(st, c.categoryId, o.optionId)) {
            throw new SandboxValidationException("The tracking option " + o.name + " cannot be deleted as it has been used. "
                    + "Archive it instead.");
        }
        c.options.remove(o.optionId);
    }

    private static void checkName(XeroTenantState st, String name, XeroTrackingCategory self) {
        if (name == null || name.isBlank()) {
            throw new SandboxValidationException("Tracking category Name must be specified.");
        }
        if (name.length() > 100) {
            throw new SandboxValidationException("Name must not be more than 100 characters long.");
        }
        for (XeroTrackingCategory c : st.tracking.values()) {
            if (c != self && c.name.equalsIgnoreCase(name.trim())) {
                throw new SandboxValidationException("A tracking category with the name " + name.trim() + " already exists.");
            }
        }
    }

    private static void checkOptionName(XeroTrackingCategory c, String name, XeroTrackingCategory.Option self) {
        if (name == null || name.isBlank()) {
            throw new SandboxValidationException("Tracking option Name must be specified.");
        }
        if (name.length() > 100) {
            throw new SandboxValidationException("Name must not be more than 100 characters long.");
        }
        for (XeroTrackingCategory.Option o : c.options.values()) {
            if (o != self && o.name.equalsIgnoreCase(name.trim())) {
                throw new SandboxValidationException("A tracking option with the name " + name.trim() + " already exists.");
            }
        }
    }

    private static long activeCount(XeroTenantState st) {
        return st.tracking.values().stream().filter(c -> c.status.equals("ACTIVE")).count();
    }

    private static boolean used(XeroTenantState st, String categoryId, String optionId) {
        for (XeroInvoice i : st.invoices.values()) {
            for (XeroLineItem l : i.lineItems()) {
                for (JsonNode t : l.tracking()) {
                    if (categoryId.equals(Json.str(t, "TrackingCategoryID"))
                            && (optionId == null || optionId.equals(Json.str(t, "TrackingOptionID")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Resolves a line's Tracking array (by ids or by Name/Option) to stored {TrackingCategoryID, TrackingOptionID}
     * pairs; at most two, each on an ACTIVE category and option.
     */
    static ArrayNode resolveLineTracking(XeroTenantState st, JsonNode tracking, List<String> errors) {
        ArrayNode out = Json.array();
        if (tracking == null || tracking.isNull()) {
            return out;
        }
        if (!tracking.isArray()) {
            errors.add("Tracking must be an array.");
            return out;
        }
        if (tracking.size() > 2) {
            errors.add("A line item can have at most 2 tracking categories.");
            return out;
        }
        for (JsonNode t : tracking) {
            String cid = Json.str(t, "TrackingCategoryID");
            String cname = Json.str(t, "Name");
            XeroTrackingCategory c = cid != null ? st.tracking.get(cid.toLowerCase(Locale.ROOT))
                    : st.tracking.values().stream().filter(x -> x.name.equalsIgnoreCase(String.valueOf(cname))).findFirst().orElse(null);
            if (c == null || !c.status.equals("ACTIVE")) {
                errors.add("Tracking category " + (cid != null ? cid : cname) + " is not an active tracking category.");
                continue;
            }
            String oid = Json.str(t, "TrackingOptionID");
            String oname = Json.str(t, "Option");
            XeroTrackingCategory.Option o = oid != null ? c.options.get(oid.toLowerCase(Locale.ROOT))
                    : c.options.values().stream().filter(x -> x.name.equalsIgnoreCase(String.valueOf(oname))).findFirst().orElse(null);
            if (o == null || !o.status.equals("ACTIVE")) {
                errors.add("Tracking option " + (oid != null ? oid : oname) + " is not an active option of " + c.name + ".");
                continue;
            }
            ObjectNode n = out.addObject();
            n.put("TrackingCategoryID", c.categoryId);
            n.put("TrackingOptionID", o.optionId);
        }
        return out;
    }

    /** Stored pairs with the current names, as Xero returns line tracking. */
    static ArrayNode renderLineTracking(XeroTenantState st, JsonNode stored) {
        ArrayNode out = Json.array();
        for (JsonNode t : stored) {
            XeroTrackingCategory c = st.tracking.get(Json.str(t, "TrackingCategoryID"));
            XeroTrackingCategory.Option o = c == null ? null : c.options.get(Json.str(t, "TrackingOptionID"));
            ObjectNode n = out.addObject();
            n.put("Name", c == null ? "" : c.name);
            n.put("Option", o == null ? "" : o.name);
            n.put("TrackingCategoryID", Json.str(t, "TrackingCategoryID"));
            n.put("TrackingOptionID", Json.str(t, "TrackingOptionID"));
            n.putArray("Options");
        }
        return out;
    }

    static ObjectNode render(XeroTrackingCategory c, boolean includeArchived) {
        ObjectNode o = Json.object();
        o.put("Name", c.name);
        o.put("Status", c.status);
        o.put("TrackingCategoryID", c.categoryId);
        ArrayNode options = o.putArray("Options");
        for (XeroTrackingCategory.Option op : c.options.values()) {
            if (includeArchived || op.status.equals("ACTIVE")) {
                options.add(renderOption(op));
            }
        }
        return o;
    }

    static ObjectNode renderOption(XeroTrackingCategory.Option op) {
        ObjectNode n = Json.object();
        n.put("TrackingOptionID", op.optionId);
        n.put("Name", op.name);
        n.put("Status", op.status);
        n.put("HasValidationErrors", false);
        n.put("IsDeleted", false);
        n.put("IsArchived", op.status.equals("ARCHIVED"));
        n.put("IsActive", op.status.equals("ACTIVE"));
        return n;
    }
}
