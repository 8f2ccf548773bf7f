package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A module whose records are flat field sets with partial-update modify, soft delete and typed fields:
 * products, financeObjects and receiptAccounts share this behaviour.
 */
final class ScoroRecordModule {

    enum Type { TEXT, INT, DECIMAL, FLAG }

    /** Checks references against the company's other data; adds messages to the list. */
    @FunctionalInterface
    interface References {
        void check(ScoroCompanyState st, ObjectNode fields, List<String> errors);
    }

    final String module;
    final String idField;
    private final Map<String, Type> fields;
    private final List<String> required;
    private final Map<String, Object> defaults;
    private final References references;
    private final boolean documentDates;

    private ScoroRecordModule(String module, String idField, Map<String, Type> fields, List<String> required,
                              Map<String, Object> defaults, References references, boolean documentDates) {
        this.module = module;
        this.idField = idField;
        this.fields = fields;
        this.required = required;
        this.defaults = defaults;
        this.references = references;
        this.documentDates = documentDates;
    }

    static ScoroRecordModule products() {
        Map<String, Type> f = new LinkedHashMap<>();
        f.put("code", Type.TEXT);
        f.put("name", Type.TEXT);
        f.put("description", Type.TEXT);
        f.put("price", Type.DECIMAL);
        f.put("buying_price", Type.DECIMAL);
        f.put("unit", Type.TEXT);
        f.put("productgroup_id", Type.INT);
        f.put("is_active", Type.FLAG);
        f.put("is_service", Type.FLAG);
        f.put("default_vat_code_id", Type.INT);
        f.put("default_sales_tax_id", Type.INT);
        f.put("default_purchases_tax_id", Type.INT);
        f.put("sales_finance_account_id", Type.INT);
        f.put("purchases_finance_account_id", Type.INT);
        f.put("accounting_object_id", Type.INT);
        return new ScoroRecordModule("products", "product_id", f, List.of("name"), Map.of("is_active", 1, "is_service", 0),
                (st, o, errors) -> {
                    vatCode(st, o, "default_vat_code_id", errors);
                    vatCode(st, o, "default_sales_tax_id", errors);
                    vatCode(st, o, "default_purchases_tax_id", errors);
                    account(st, o, "sales_finance_account_id", errors);
                    account(st, o, "purchases_finance_account_id", errors);
                    if (o.hasNonNull("accounting_object_id") && st.records("financeObjects").get(o.get("accounting_object_id").asLong()) == null) {
                        errors.add("accounting_object_id: accounting object " + o.get("accounting_object_id").asText() + " does not exist");
                    }
                }, true);
    }

    static ScoroRecordModule financeObjects() {
        Map<String, Type> f = new LinkedHashMap<>();
        f.put("object_symbol", Type.TEXT);
        f.put("name", Type.TEXT);
        f.put("parent_group_name", Type.TEXT);
        f.put("is_active", Type.FLAG);
        return new ScoroRecordModule("financeObjects", "object_id", f, List.of("name"), Map.of("is_active", 1),
                (st, o, errors) -> { }, true);
    }

    static ScoroRecordModule receiptAccounts() {
        Map<String, Type> f = new LinkedHashMap<>();
        f.put("name", Type.TEXT);
        f.put("type", Type.TEXT);
        f.put("account_no", Type.TEXT);
        f.put("finance_account_id", Type.INT);
        return new ScoroRecordModule("receiptAccounts", "id", f, List.of("name"), Map.of("type", "bank"),
                (st, o, errors) -> {
                    String t = Json.str(o, "type");
                    if (t != null && !List.of("bank", "cash", "card", "other").contains(t)) {
                        errors.add("type must be one of bank, cash, card, other");
                    }
                    account(st, o, "finance_account_id", errors);
                }, true);
    }

    private static void vatCode(ScoroCompanyState st, ObjectNode o, String f, List<String> errors) {
        if (o.hasNonNull(f) && o.get(f).asLong() != 0 && !st.vatCodes.containsKey(o.get(f).asLong())) {
            errors.add(f + ": VAT code " + o.get(f).asText() + " does not exist");
        }
    }

    private static void account(ScoroCompanyState st, ObjectNode o, String f, List<String> errors) {
        if (o.hasNonNull(f) && o.get(f).asLong() != 0 && !st.financeAccounts.containsKey(o.get(f).asLong())) {
            errors.add(f + ": finance account " + o.get(f).asText() + " does not exist");
        }
    }

    ScoroRecord write(ScoroCompanyState st, ScoroRecord cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        ObjectNode f = cur == null ? Json.object() : cur.fields().deepCopy();
        if (cur == null) {
            defaults.forEach((k, v) -> f.set(k, Json.MAPPER.valueToTree(v)));
        }
        for (Map.Entry<String, Type> e : fields.entrySet()) {
            String name = e.getKey();
            if (!in.has(name)) {
                continue;
            }
            JsonNode v = in.get(name);
            if (v.isNull() || v.isTextual() && v.asText().isEmpty() && e.getValue() != Type.TEXT) {
                f.putNull(name);
                continue;
            }
            try {
                switch (e.getValue()) {
                    case TEXT -> f.put(name, v.asText());
                    case INT -> {
                        if (!(v.isIntegralNumber() || v.isTextual() && v.asText().trim().matches("\\d+"))) {
                            throw new IllegalArgumentException(name + " must be an integer");
                        }
                        f.put(name, v.asLong());
                    }
                    case DECIMAL -> {
                        BigDecimal d = Json.dec(in, name);
                        f.put(name, d);
                    }
                    case FLAG -> {
                        Boolean b = Json.bool(in, name);
                        f.put(name, b != null && b ? 1 : 0);
                    }
                    default -> throw new IllegalStateException();
                }
            } catch (NumberFormatException ex) {
                errors.add(name + " must be a number");
            } catch (IllegalArgumentException ex) {
                errors.add(ex.getMessage().startsWith(name) ? ex.getMessage() : name + " has an invalid value");
            }
        }
        for (String r : required) {
            if (!f.hasNonNull(r) || f.get(r).asText().isBlank()) {
                errors.add(r + " is required");
            }
        }
        references.check(st, f, errors);
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        TreeMap<Long, ScoroRecord> records = st.records(module);
        ScoroRecord saved = new ScoroRecord(cur == null ? st.nextId(module) : cur.id(), f,
                cur == null ? now : cur.created(), now, null);
        records.put(saved.id(), saved);
        return saved;
    }

    ScoroRecord live(ScoroCompanyState st, long id) {
        ScoroRecord r = st.records(module).get(id);
        if (r == null || r.isDeleted()) {
            throw new SandboxNotFoundException(module + " record " + id + " not found");
        }
        return r;
    }

    void delete(ScoroCompanyState st, long id, Instant now) {
        ScoroRecord r = live(st, id);
        st.records(module).put(id, new ScoroRecord(r.id(), r.fields(), r.created(), now, now));
    }

    ObjectNode render(ScoroRecord r) {
        ObjectNode o = Json.object();
        o.put(idField, r.id());
        for (String name : fields.keySet()) {
            o.set(name, r.fields().hasNonNull(name) ? r.fields().get(name) : null);
        }
        o.put("modified_date", documentDates ? ScoroDates.document(r.modified()) : ScoroDates.iso(r.modified()));
        o.put("is_deleted", r.isDeleted() ? 1 : 0);
        o.put("deleted_date", ScoroDates.iso(r.deleted()));
        return o;
    }
}
