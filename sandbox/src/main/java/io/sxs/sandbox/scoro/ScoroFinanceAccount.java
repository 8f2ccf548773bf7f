package io.sxs.sandbox.scoro;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;

import java.time.Instant;

/** A chart-of-accounts entry (financeAccounts module); account_symbol is the Xero account code. */
record ScoroFinanceAccount(long id, String symbol, String name, Long parentId, boolean active, boolean sales,
                           boolean purchases, Instant modified) implements java.io.Serializable {

    ScoroFinanceAccount(long id, String symbol, String name, boolean sales, boolean purchases, Instant modified) {
        this(id, symbol, name, null, true, sales, purchases, modified);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("id", id);
        o.put("account_symbol", symbol);
        o.put("name", name);
        if (parentId == null) {
            o.putNull("parent_id");
        } else {
            o.put("parent_id", parentId);
        }
        o.put("is_active", active ? 1 : 0);
        o.put("is_sales_account", sales ? 1 : 0);
        o.put("is_purchases_account", purchases ? 1 : 0);
        o.put("modified_date", ScoroDates.document(modified));
        return o;
    }
}
