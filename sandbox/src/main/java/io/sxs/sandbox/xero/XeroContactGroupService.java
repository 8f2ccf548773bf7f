package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Contact group rules: Name required (≤ 255) and unique among ACTIVE groups (ignoring case), at most 100 active groups,
 * Status ACTIVE or DELETED (a deleted group disappears and frees its name); members are existing contacts.
 */
final class XeroContactGroupService {

    static final int MAX_ACTIVE = 100;
    static final int MAX_NAME = 255;

    private XeroContactGroupService() {
    }

    /** The group by id when it is ACTIVE (deleted groups are gone for every reader); null otherwise. */
    static XeroContactGroup find(XeroTenantState st, String id) {
        if (id == null || !XeroApi.GUID.matcher(id).matches()) {
            return null;
        }
        XeroContactGroup g = st.contactGroups.get(id.toLowerCase(Locale.ROOT));
        return g != null && g.isActive() ? g : null;
    }

    static XeroContactGroup require(XeroTenantState st, String id) {
        XeroContactGroup g = find(st, id);
        if (g == null) {
            throw new SandboxNotFoundException("contact group " + id + " not found");
        }
        return g;
    }

    static XeroContactGroup create(XeroTenantState st, JsonNode in) {
        List<String> errors = new ArrayList<>();
        String status = Json.str(in, "Status");
        if (status != null && !"ACTIVE".equals(status)) {
            errors.add("A new contact group must be ACTIVE.");
        }
        String name = checkName(st, Json.str(in, "Name"), null, errors);
        if (st.contactGroups.values().stream().filter(XeroContactGroup::isActive).count() >= MAX_ACTIVE) {
            errors.add("You’ve reached the limit of " + MAX_ACTIVE + " contact groups.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        XeroContactGroup g = new XeroContactGroup(UUID.randomUUID().toString(), name);
        st.contactGroups.put(g.contactGroupId, g);
        return g;
    }

    /** Rename ({"Name"}) and/or delete ({"Status":"DELETED"}); a deleted group keeps no members. */
    static XeroContactGroup update(XeroTenantState st, XeroContactGroup g, JsonNode in) {
        List<String> errors = new ArrayList<>();
        String status = Json.str(in, "Status");
        if (status != null && !"ACTIVE".equals(status) && !"DELETED".equals(status)) {
            errors.add("Status must be ACTIVE or DELETED.");
        }
        boolean delete = "DELETED".equals(status);
        String name = g.name;
        if (in.has("Name") && !delete) {
            name = checkName(st, Json.str(in, "Name"), g, errors);
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        if (delete) {
            g.status = "DELETED";
            g.contactIds.clear();
        } else {
            g.name = name;
        }
        return g;
    }

    private static String checkName(XeroTenantState st, String name, XeroContactGroup self, List<String> errors) {
        if (name == null || name.isBlank()) {
            errors.add("The contact group name must be specified.");
            return null;
        }
        String trimmed = name.trim();
        if (trimmed.length() > MAX_NAME) {
            errors.add("Name must not be more than " + MAX_NAME + " characters long.");
        }
        boolean taken = st.contactGroups.values().stream()
                .anyMatch(o -> o.isActive() && o != self && o.name.equalsIgnoreCase(trimmed));
        if (taken) {
            errors.add("The contact group name " + trimmed + " is already in use. "
                    + "The contact group name must be unique across all active contact groups.");
        }
        return trimmed;
    }

    /** Adds one {"ContactID"} element; an existing member is left as it is. */
    static XeroContact addContact(XeroTenantState st, XeroContactGroup g, JsonNode in) {
        String id = Json.str(in, "ContactID");
        if (id == null || id.isBlank()) {
            throw new SandboxValidationException("A ContactID must be specified for each contact added to a contact group.");
        }
        XeroContact c = st.contacts.get(id.trim().toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new SandboxValidationException("The contact with ContactID '" + id + "' could not be found.");
        }
        g.contactIds.add(c.contactId);
        return c;
    }

    static void removeContact(XeroTenantState st, XeroContactGroup g, String contactId) {
        String id = contactId == null ? "" : contactId.toLowerCase(Locale.ROOT);
        if (!st.contacts.containsKey(id)) {
            throw new SandboxNotFoundException("contact " + contactId + " not found");
        }
        if (!g.contactIds.remove(id)) {
            throw new SandboxValidationException("The contact is not a member of this contact group.");
        }
    }

    /** As the API renders a group; {@code withContacts} only on GET /ContactGroups/{ContactGroupID}. */
    static ObjectNode render(XeroTenantState st, XeroContactGroup g, boolean withContacts) {
        ObjectNode o = Json.object();
        o.put("ContactGroupID", g.contactGroupId);
        o.put("Name", g.name);
        o.put("Status", g.status);
        ArrayNode contacts = o.putArray("Contacts");
        if (withContacts) {
            for (String id : g.contactIds) {
                XeroContact c = st.contacts.get(id);
                ObjectNode m = contacts.addObject();
                m.put("ContactID", c.contactId);
                m.put("Name", c.name());
                m.putArray("Addresses");
                m.putArray("Phones");
                m.putArray("ContactGroups");
                m.putArray("ContactPersons");
                m.put("HasValidationErrors", false);
            }
        }
        o.put("HasValidationErrors", false);
        return o;
    }

    /** A contact as PUT /ContactGroups/{id}/Contacts echoes it. */
    static ObjectNode renderMember(XeroContact c) {
        ObjectNode m = Json.object();
        m.put("ContactID", c.contactId);
        m.putArray("Addresses");
        m.putArray("Phones");
        m.putArray("ContactGroups");
        m.putArray("ContactPersons");
        m.put("HasValidationErrors", false);
        m.putArray("ValidationErrors");
        return m;
    }

    /** The active groups a contact belongs to, as a contact renders them. */
    static ArrayNode groupsOf(XeroTenantState st, XeroContact c) {
        ArrayNode a = Json.array();
        for (XeroContactGroup g : st.contactGroups.values()) {
            if (g.isActive() && g.contactIds.contains(c.contactId)) {
                ObjectNode o = a.addObject();
                o.put("ContactGroupID", g.contactGroupId);
                o.put("Name", g.name);
                o.put("Status", g.status);
                o.putArray("Contacts");
                o.put("HasValidationErrors", false);
            }
        }
        return a;
    }
}
