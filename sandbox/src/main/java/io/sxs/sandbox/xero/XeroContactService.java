package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Contact rules: required unique active name, field lengths, merge-on-update, archived visibility. */
final class XeroContactService {

    /** Writable scalar fields and their maximum lengths (from the OpenAPI description). */
    private static final Map<String, Integer> SCALARS = new LinkedHashMap<>();
    private static final List<String> ARRAYS = List.of("Addresses", "Phones", "ContactPersons");
    private static final Set<String> ADDRESS_TYPES = Set.of("POBOX", "STREET");
    private static final Set<String> PHONE_TYPES = Set.of("DEFAULT", "DDI", "MOBILE", "FAX", "OFFICE");

    static {
        SCALARS.put("ContactNumber", 50);
        SCALARS.put("AccountNumber", 50);
        SCALARS.put("Name", 255);
        SCALARS.put("FirstName", 255);
        SCALARS.put("LastName", 255);
        SCALARS.put("CompanyNumber", 50);
        SCALARS.put("EmailAddress", 255);
        SCALARS.put("BankAccountDetails", 255);
        SCALARS.put("TaxNumber", 50);
        SCALARS.put("AccountsReceivableTaxType", 50);
        SCALARS.put("AccountsPayableTaxType", 50);
        SCALARS.put("DefaultCurrency", 3);
        SCALARS.put("SalesDefaultAccountCode", 10);
        SCALARS.put("PurchasesDefaultAccountCode", 10);
        SCALARS.put("SkypeUserName", 255);
        SCALARS.put("XeroNetworkKey", 255);
    }

    /** Read-only in the API (OpenAPI: "Website address for contact (read only)"): only a user sets it. */
    static final String WEBSITE = "Website";

    private XeroContactService() {
    }

    /** What a user types in the Website box of the Xero app (API writes ignore the field). */
    static void setWebsite(XeroContact c, JsonNode in) {
        JsonNode v = in.get(WEBSITE);
        if (v != null) {
            if (v.isNull() || v.asText().isBlank()) {
                c.fields.remove(WEBSITE);
            } else {
                c.fields.put(WEBSITE, v.asText());
            }
        }
    }

    static XeroContact create(XeroTenantState st, JsonNode in, Instant now) {
        return write(st, null, in, now);
    }

    static XeroContact update(XeroTenantState st, XeroContact cur, JsonNode in, Instant now) {
        return write(st, cur, in, now);
    }

    private static XeroContact write(XeroTenantState st, XeroContact cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        ObjectNode fields = cur == null ? Json.object() : cur.fields.deepCopy();
        for (Map.Entry<String, Integer> f : SCALARS.entrySet()) {
            JsonNode v = in.get(f.getKey());
            if (v == null) {
                continue;
            }
            if (v.isNull()) {
                fields.remove(f.getKey());
                continue;
            }
            if (!v.isValueNode()) {
                errors.add(f.getKey() + " must be a text value.");
                continue;
            }
            String s = v.asText();
            if (s.length() > f.getValue()) {
                errors.add(f.getKey() + " must not be more than " + f.getValue() + " characters long.");
            }
            fields.put(f.getKey(), s);
        }
        for (String a : ARRAYS) {
            JsonNode v = in.get(a);
            if (v == null) {
                continue;
            }
            if (v.isNull()) {
                fields.putArray(a);
            } else if (!v.isArray()) {
                errors.add(a + " must be an array.");
            } else {
                fields.set(a, v.deepCopy());
            }
        }
        if (in.has("PaymentTerms") && in.get("PaymentTerms").isObject()) {
            fields.set("PaymentTerms", in.get("PaymentTerms").deepCopy());
        }
        validateArrays(fields, errors);
        for (String taxField : List.of("AccountsReceivableTaxType", "AccountsPayableTaxType")) {
            String t = Json.str(fields, taxField);
            if (t != null && !t.isEmpty() && !st.taxRates.containsKey(t)) {
                errors.add("The TaxType code '" + t + "' does not exist or cannot be used for this type of transaction.");
            }
        }
        String status = cur == null ? "ACTIVE" : cur.status;
        String requestedStatus = Json.str(in, "ContactStatus");
        if (requestedStatus != null) {
            if (!requestedStatus.equals("ACTIVE") && !requestedStatus.equals("ARCHIVED")) {
                errors.add("ContactStatus must be ACTIVE or ARCHIVED.");
            } else {
                status = requestedStatus;
            }
        }
        String name = Json.str(fields, "Name");
        if (name == null || name.isBlank()) {
            errors.add("The contact name must be specified.");
        } else {
            fields.put("Name", name.trim());
            if ("ACTIVE".equals(status) && nameTaken(st, name, cur)) {
                errors.add("The contact name " + name.trim() + " is already assigned to another contact. "
                        + "The contact name must be unique across all active contacts.");
            }
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        XeroContact saved = new XeroContact(cur == null ? UUID.randomUUID().toString() : cur.contactId, fields, status, now);
        if (cur != null) {
            saved.customer = cur.customer;
            saved.supplier = cur.supplier;
        }
        st.saveContact(saved);
        return saved;
    }

    private static void validateArrays(ObjectNode fields, List<String> errors) {
        for (JsonNode a : fields.path("Addresses")) {
            String t = Json.str(a, "AddressType");
            if (t != null && !ADDRESS_TYPES.contains(t)) {
                errors.add("AddressType must be POBOX or STREET.");
            }
            for (String f : List.of("AddressLine1", "AddressLine2", "AddressLine3", "AddressLine4")) {
                if (a.path(f).asText("").length() > 500) {
                    errors.add(f + " must not be more than 500 characters long.");
                }
            }
            if (a.path("PostalCode").asText("").length() > 50) {
                errors.add("PostalCode must not be more than 50 characters long.");
            }
            if (a.path("Country").asText("").length() > 50) {
                errors.add("Country must not be more than 50 characters long.");
            }
        }
        for (JsonNode p : fields.path("Phones")) {
            String t = Json.str(p, "PhoneType");
            if (t != null && !PHONE_TYPES.contains(t)) {
                errors.add("PhoneType must be one of DEFAULT, DDI, MOBILE, FAX, OFFICE.");
            }
            if (p.path("PhoneNumber").asText("").length() > 50) {
                errors.add("PhoneNumber must not be more than 50 characters long.");
            }
        }
    }

    private static boolean nameTaken(XeroTenantState st, String name, XeroContact self) {
        for (String id : st.contactsNamed(name)) {
            XeroContact c = st.contacts.get(id);
            if (c.isActive() && (self == null || !c.contactId.equals(self.contactId))) {
                return true;
            }
        }
        return false;
    }

    /** Finds the contact an invoice refers to: by ContactID, else ContactNumber, else Name (active contacts). */
    static XeroContact resolve(XeroTenantState st, JsonNode ref) {
        if (ref == null || !ref.isObject()) {
            return null;
        }
        String id = Json.str(ref, "ContactID");
        if (id != null && !id.isBlank()) {
            return st.contacts.get(id.toLowerCase(Locale.ROOT));
        }
        String number = Json.str(ref, "ContactNumber");
        if (number != null && !number.isBlank()) {
            return byNumber(st, number);
        }
        String name = Json.str(ref, "Name");
        if (name != null && !name.isBlank()) {
            for (String named : st.contactsNamed(name)) {
                XeroContact c = st.contacts.get(named);
                if (c.isActive()) {
                    return c;
                }
            }
        }
        return null;
    }

    static XeroContact byNumber(XeroTenantState st, String number) {
        XeroContact found = null;
        for (XeroContact c : st.contacts.values()) {
            if (number.equals(c.contactNumber()) && (found == null || c.isActive() && !found.isActive())) {
                found = c;
            }
        }
        return found;
    }

    /** As lists render a contact: {@code ContactGroups} is empty (only single GETs fill it). */
    static ObjectNode render(XeroContact c, boolean summaryOnly) {
        return render(null, c, summaryOnly);
    }

    /** As GET /Contacts/{ContactID} renders a contact: with the ACTIVE groups it belongs to (when {@code st} is given). */
    static ObjectNode render(XeroTenantState st, XeroContact c, boolean summaryOnly) {
        ObjectNode o = Json.object();
        o.put("ContactID", c.contactId);
        o.put("ContactStatus", c.status);
        for (String f : SCALARS.keySet()) {
            if (c.fields.hasNonNull(f)) {
                o.set(f, c.fields.get(f));
            }
        }
        if (c.fields.hasNonNull(WEBSITE)) {
            o.set(WEBSITE, c.fields.get(WEBSITE));
        }
        if (!summaryOnly) {
            o.set("Addresses", c.fields.has("Addresses") ? c.fields.get("Addresses").deepCopy() : Json.array());
            o.set("Phones", c.fields.has("Phones") ? c.fields.get("Phones").deepCopy() : Json.array());
        }
        o.put("UpdatedDateUTC", XeroDates.msJson(c.updated));
        if (!summaryOnly) {
            o.set("ContactGroups", st == null ? Json.array() : XeroContactGroupService.groupsOf(st, c));
        }
        o.put("IsSupplier", c.supplier);
        o.put("IsCustomer", c.customer);
        if (!summaryOnly) {
            o.set("ContactPersons", c.fields.has("ContactPersons") ? c.fields.get("ContactPersons").deepCopy() : Json.array());
            if (c.fields.has("PaymentTerms")) {
                o.set("PaymentTerms", c.fields.get("PaymentTerms").deepCopy());
            }
        }
        o.put("HasAttachments", false);
        o.put("HasValidationErrors", false);
        return o;
    }

    /** The short form embedded in an invoice. */
    static ObjectNode renderRef(XeroContact c) {
        ObjectNode o = Json.object();
        o.put("ContactID", c.contactId);
        if (c.contactNumber() != null) {
            o.put("ContactNumber", c.contactNumber());
        }
        o.put("ContactStatus", c.status);
        o.put("Name", c.name());
        o.set("Addresses", Json.array());
        o.set("Phones", Json.array());
        o.set("ContactGroups", Json.array());
        o.set("ContactPersons", Json.array());
        o.put("HasValidationErrors", false);
        return o;
    }
}
