package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Contact rules: partial update (only sent fields change), soft delete, Scoro field names and 1/0 booleans. */
final class ScoroContactService {

    private static final List<String> TEXT = List.of("name", "lastname", "id_code", "vatno", "bankaccount",
            "reference_no", "comments");
    private static final List<String> FLAGS = List.of("is_client", "is_supplier");
    private static final Set<String> MEANS = Set.of("email", "phone", "mobile", "website");
    private static final Set<String> ADDRESS_FIELDS = Set.of("country", "county", "city", "street", "zipcode");

    /**
     * Sending addresses replaces the set, as lines do on documents: an entry with a known {@code contacts_addresses_id}
     * updates that address (omitted fields kept), one without is a new address with a new id, others are removed.
     */
    private static com.fasterxml.jackson.databind.node.ArrayNode addresses(ScoroCompanyState st, JsonNode current, JsonNode given,
                                                                          List<String> errors) {
        java.util.Map<Long, JsonNode> existing = new java.util.HashMap<>();
        if (current.isArray()) {
            current.forEach(a -> existing.put(a.path("contacts_addresses_id").asLong(), a));
        }
        com.fasterxml.jackson.databind.node.ArrayNode out = Json.array();
        for (JsonNode addr : given) {
            if (!addr.isObject()) {
                continue;
            }
            com.fasterxml.jackson.databind.node.ObjectNode next;
            if (addr.hasNonNull("contacts_addresses_id") && addr.get("contacts_addresses_id").asLong() != 0) {
                JsonNode prev = existing.get(addr.get("contacts_addresses_id").asLong());
                if (prev == null) {
                    errors.add("contacts_addresses_id " + addr.get("contacts_addresses_id").asText() + " is not an address of this contact");
                    continue;
                }
                next = ((com.fasterxml.jackson.databind.node.ObjectNode) prev).deepCopy();
                next.setAll((com.fasterxml.jackson.databind.node.ObjectNode) addr);
            } else {
                next = ((com.fasterxml.jackson.databind.node.ObjectNode) addr).deepCopy();
                next.put("contacts_addresses_id", st.nextId("contacts_addresses"));
            }
            out.add(next);
        }
        return out;
    }

    private ScoroContactService() {
    }

    static ScoroContact write(ScoroCompanyState st, ScoroContact cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        ObjectNode f = cur == null ? Json.object() : cur.fields().deepCopy();
        if (cur == null) {
            f.put("contact_type", "company");
            f.put("is_client", 0);
            f.put("is_supplier", 0);
        }
        if (in.has("contact_type")) {
            String t = Json.str(in, "contact_type");
            if (!"company".equals(t) && !"person".equals(t)) {
                errors.add("contact_type must be 'company' or 'person'");
            } else {
                f.put("contact_type", t);
            }
        }
        for (String t : TEXT) {
            if (in.has(t)) {
                JsonNode v = in.get(t);
                if (v.isNull()) {
                    f.putNull(t);
                } else if (!v.isValueNode()) {
                    errors.add(t + " must be a text value");
                } else {
                    f.put(t, v.asText());
                }
            }
        }
        for (String b : FLAGS) {
            if (in.has(b)) {
                try {
                    Boolean v = Json.bool(in, b);
                    f.put(b, v != null && v ? 1 : 0);
                } catch (IllegalArgumentException e) {
                    errors.add(b + " must be 1 or 0");
                }
            }
        }
        if (in.has("manager_id")) {
            f.set("manager_id", in.get("manager_id").isNull() ? null : Json.MAPPER.valueToTree(in.get("manager_id").asLong()));
        }
        if (in.has("tags")) {
            if (!in.get("tags").isArray()) {
                errors.add("tags must be an array");
            } else {
                f.set("tags", in.get("tags").deepCopy());
            }
        }
        if (in.has("addresses")) {
            JsonNode a = in.get("addresses");
            if (!a.isArray()) {
                errors.add("addresses must be an array");
            } else {
                for (JsonNode addr : a) {
                    if (!addr.isObject()) {
                        errors.add("each address must be an object");
                        continue;
                    }
                    addr.fieldNames().forEachRemaining(k -> {
                        if (!ADDRESS_FIELDS.contains(k) && !"contacts_addresses_id".equals(k)) {
                            errors.add("unknown address field '" + k + "'");
                        }
                    });
                    String country = Json.str(addr, "country");
                    if (country != null && !country.isEmpty() && !country.matches("[A-Za-z]{3}")) {
                        errors.add("addresses.country must be an ISO 3166-1 alpha-3 code, got '" + country + "'");
                    }
                }
                f.set("addresses", addresses(st, f.path("addresses"), a, errors));
            }
        }
        if (in.has("means_of_contact")) {
            JsonNode m = in.get("means_of_contact");
            if (!m.isObject()) {
                errors.add("means_of_contact must be an object");
            } else {
                m.fieldNames().forEachRemaining(k -> {
                    if (!MEANS.contains(k)) {
                        errors.add("unknown means_of_contact type '" + k + "'");
                    } else if (!m.get(k).isArray()) {
                        errors.add("means_of_contact." + k + " must be an array");
                    }
                });
                f.set("means_of_contact", m.deepCopy());
            }
        }
        String name = Json.str(f, "name");
        if (name == null || name.isBlank()) {
            errors.add("name is required");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        ScoroContact saved = new ScoroContact(cur == null ? st.nextContactId() : cur.id(), f,
                cur == null ? now : cur.created(), now, null);
        st.saveContact(saved);
        return saved;
    }

    static ScoroContact live(ScoroCompanyState st, long id) {
        ScoroContact c = st.contacts.get(id);
        if (c == null || c.isDeleted()) {
            throw new SandboxNotFoundException("Contact " + id + " not found");
        }
        return c;
    }

    static void delete(ScoroCompanyState st, long id, Instant now) {
        ScoroContact c = live(st, id);
        st.saveContact(new ScoroContact(c.id(), c.fields(), c.created(), now, now));
    }

    static ObjectNode render(ScoroContact c) {
        ObjectNode o = Json.object();
        ObjectNode f = c.fields();
        o.put("contact_id", c.id());
        o.put("contact_type", f.path("contact_type").asText("company"));
        for (String t : TEXT) {
            o.set(t, f.hasNonNull(t) ? f.get(t) : null);
        }
        o.put("is_client", f.path("is_client").asInt(0));
        o.put("is_supplier", f.path("is_supplier").asInt(0));
        o.set("manager_id", f.get("manager_id"));
        o.set("tags", f.has("tags") ? f.get("tags").deepCopy() : Json.array());
        o.set("addresses", f.has("addresses") ? f.get("addresses").deepCopy() : Json.array());
        ObjectNode means = o.putObject("means_of_contact");
        for (String k : List.of("email", "phone", "mobile", "website")) {
            JsonNode v = f.path("means_of_contact").get(k);
            means.set(k, v == null ? Json.array() : v.deepCopy());
        }
        o.put("modified_date", ScoroDates.iso(c.modified()));
        o.put("created_date", ScoroDates.iso(c.created()));
        o.put("is_deleted", c.isDeleted() ? 1 : 0);
        o.put("deleted_date", ScoroDates.iso(c.deleted()));
        return o;
    }
}
