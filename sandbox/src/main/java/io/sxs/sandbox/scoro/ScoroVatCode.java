package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;

/** A VAT code (vatCodes module); codes mirror the Xero UK tax types so that mapping is by code. */
record ScoroVatCode(long id, String code, String name, BigDecimal percent, boolean sales, boolean purchases,
                    boolean notApplicable, boolean active, Instant modified) implements java.io.Serializable {

    ScoroVatCode(long id, String code, String name, BigDecimal percent, boolean sales, boolean purchases, boolean notApplicable) {
        this(id, code, name, percent, sales, purchases, notApplicable, true, null);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("vat_code_id", id);
        o.put("vat_code", code);
        o.put("vat_name", name);
        o.put("percent", percent);
        o.put("is_sales", sales ? 1 : 0);
        o.put("is_purchases", purchases ? 1 : 0);
        o.put("is_active", active ? 1 : 0);
        o.put("is_not_applicable", notApplicable ? 1 : 0);
        return o;
    }
}
