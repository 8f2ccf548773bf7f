package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.core.SandboxNotFoundException;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes to the chart of accounts (financeAccounts) and VAT codes (vatCodes): the sync fills them from Xero. Symbols
 * and codes are unique; a code or account used on a document line cannot be deleted (deactivate it instead).
 */
final class ScoroChartService {

    private ScoroChartService() {
    }

    static ScoroFinanceAccount writeAccount(ScoroCompanyState st, ScoroFinanceAccount cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        String symbol = in.has("account_symbol") ? Json.str(in, "account_symbol") : cur == null ? null : cur.symbol();
        String name = in.has("name") ? Json.str(in, "name") : cur == null ? null : cur.name();
        Long parent = in.has("parent_id") ? (in.get("parent_id").isNull() || in.get("parent_id").asLong() == 0 ? null
                : in.get("parent_id").asLong()) : cur == null ? null : cur.parentId();
        boolean active = flag(in, "is_active", cur == null || cur.active(), errors);
        boolean sales = flag(in, "is_sales_account", cur != null && cur.sales(), errors);
        boolean purchases = flag(in, "is_purchases_account", cur != null && cur.purchases(), errors);
        if (symbol == null || symbol.isBlank()) {
            errors.add("account_symbol is required");
        } else {
            for (ScoroFinanceAccount a : st.financeAccounts.values()) {
                if (a.symbol().equals(symbol.trim()) && (cur == null || a.id() != cur.id())) {
                    errors.add("account_symbol " + symbol + " is already in use");
                }
            }
        }
        if (name == null || name.isBlank()) {
            errors.add("name is required");
        }
        if (parent != null && !st.financeAccounts.containsKey(parent)) {
            errors.add("parent_id: finance account " + parent + " does not exist");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        long id = cur == null ? st.financeAccounts.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1 : cur.id();
        ScoroFinanceAccount saved = new ScoroFinanceAccount(id, symbol.trim(), name, parent, active, sales, purchases, now);
        st.financeAccounts.put(id, saved);
        return saved;
    }

    static ScoroVatCode writeVatCode(ScoroCompanyState st, ScoroVatCode cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        String code = in.has("vat_code") ? Json.str(in, "vat_code") : cur == null ? null : cur.code();
        String name = in.has("vat_name") ? Json.str(in, "vat_name") : cur == null ? null : cur.name();
        BigDecimal percent = cur == null ? null : cur.percent();
        if (in.has("percent")) {
            try {
                percent = Json.dec(in, "percent");
            } catch (NumberFormatException e) {
                errors.add("percent must be a number");
            }
        }
        boolean sales = flag(in, "is_sales", cur == null || cur.sales(), errors);
        boolean purchases = flag(in, "is_purchases", cur != null && cur.purchases(), errors);
        boolean active = flag(in, "is_active", cur == null || cur.active(), errors);
        boolean notApplicable = flag(in, "is_not_applicable", cur != null && cur.notApplicable(), errors);
        if (code == null || code.isBlank()) {
            errors.add("vat_code is required");
        } else {
            for (ScoroVatCode v : st.vatCodes.values()) {
                if (v.code().equals(code.trim()) && (cur == null || v.id() != cur.id())) {
                    errors.add("vat_code " + code + " is already in use");
                }
            }
        }
        if (percent == null || percent.signum() < 0) {
            errors.add("percent is required and must not be negative");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        if (cur != null && percent.compareTo(cur.percent()) != 0 && used(st, cur.id(), true)) {
            throw new SandboxValidationException("percent of a VAT code used on documents cannot change; add a new code");
        }
        long id = cur == null ? st.vatCodes.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1 : cur.id();
        ScoroVatCode saved = new ScoroVatCode(id, code.trim(), name == null ? code.trim() : name, percent, sales, purchases,
                notApplicable, active, now);
        st.vatCodes.put(id, saved);
        return saved;
    }

    static void deleteAccount(ScoroCompanyState st, long id) {
        if (!st.financeAccounts.containsKey(id)) {
            throw new SandboxNotFoundException("Finance account " + id + " not found");
        }
        if (used(st, id, false)) {
            throw new SandboxValidationException("Finance account " + id + " is used on documents; deactivate it instead");
        }
        st.financeAccounts.remove(id);
    }

    static void deleteVatCode(ScoroCompanyState st, long id) {
        if (!st.vatCodes.containsKey(id)) {
            throw new SandboxNotFoundException("VAT code " + id + " not found");
        }
        if (used(st, id, true)) {
            throw new SandboxValidationException("VAT code " + id + " is used on documents; deactivate it instead");
        }
        st.vatCodes.remove(id);
    }

    private static boolean used(ScoroCompanyState st, long id, boolean vat) {
        for (ScoroDocKind kind : ScoroDocKind.values()) {
            for (ScoroInvoice doc : kind.docs(st).values()) {
                if (vat && doc.vatCodeId() != null && doc.vatCodeId() == id) {
                    return true;
                }
                for (ScoroInvoiceLine l : doc.lines()) {
                    Long ref = vat ? l.vatCodeId() : l.financeAccountId();
                    if (ref != null && ref == id) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean flag(JsonNode in, String field, boolean dflt, List<String> errors) {
        try {
            Boolean b = Json.bool(in, field);
            return b == null ? dflt : b;
        } catch (IllegalArgumentException e) {
            errors.add(field + " must be 1 or 0");
            return dflt;
        }
    }
}
