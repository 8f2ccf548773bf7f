package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.core.Money;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Items: Code required (≤30) and unique, Name ≤50, sales/purchase details validated against accounts and tax rates. */
final class XeroItemService {

    private XeroItemService() {
    }

    static XeroItem write(XeroTenantState st, XeroItem cur, JsonNode in, Instant now, int unitDp) {
        List<String> errors = new ArrayList<>();
        ObjectNode f = cur == null ? Json.object() : cur.fields().deepCopy();
        for (String s : List.of("Code", "Name", "Description", "PurchaseDescription")) {
            if (in.has(s)) {
                if (in.get(s).isNull()) {
                    f.remove(s);
                } else {
                    f.put(s, in.get(s).asText());
                }
            }
        }
        for (String b : List.of("IsSold", "IsPurchased")) {
            if (in.has(b)) {
                f.put(b, in.get(b).asBoolean());
            }
        }
        if (in.path("IsTrackedAsInventory").asBoolean(false)) {
            errors.add("Tracked inventory items are not simulated by the sandbox.");
        }
        for (String d : List.of("SalesDetails", "PurchaseDetails")) {
            JsonNode det = in.get(d);
            if (det == null || det.isNull()) {
                continue;
            }
            ObjectNode merged = f.has(d) ? (ObjectNode) f.get(d) : f.putObject(d);
            try {
                BigDecimal price = Json.dec(det, "UnitPrice");
                if (price != null) {
                    merged.put("UnitPrice", Money.scale(price, unitDp));
                }
            } catch (NumberFormatException e) {
                errors.add(d + ".UnitPrice must be a number.");
            }
            for (String s : List.of("AccountCode", "TaxType", "COGSAccountCode")) {
                if (det.has(s)) {
                    merged.put(s, det.get(s).asText());
                }
            }
            String account = Json.str(merged, "AccountCode");
            if (account != null && !account.isEmpty() && !st.accountsByCode.containsKey(account)) {
                errors.add("Account code '" + account + "' is not a valid code for this document.");
            }
            String tax = Json.str(merged, "TaxType");
            if (tax != null && !tax.isEmpty() && !st.taxRates.containsKey(tax)) {
                errors.add("The TaxType code '" + tax + "' does not exist or cannot be used for this type of transaction.");
            }
        }
        String code = Json.str(f, "Code");
        if (code == null || code.isBlank()) {
            errors.add("Item code must be specified.");
        } else {
            if (code.length() > 30) {
                errors.add("Code must not be more than 30 characters long.");
            }
            for (XeroItem other : st.items.values()) {
                if (other.code().equalsIgnoreCase(code) && (cur == null || !other.itemId().equals(cur.itemId()))) {
                    errors.add("Item code '" + code + "' already exists.");
                }
            }
        }
        if (f.path("Name").asText("").length() > 50) {
            errors.add("Name must not be more than 50 characters long.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        if (!f.has("IsSold")) {
            f.put("IsSold", true);
        }
        if (!f.has("IsPurchased")) {
            f.put("IsPurchased", true);
        }
        XeroItem saved = new XeroItem(cur == null ? UUID.randomUUID().toString() : cur.itemId(), f, now);
        st.items.put(saved.itemId(), saved);
        return saved;
    }

    static XeroItem find(XeroTenantState st, String idOrCode) {
        XeroItem byId = st.items.get(idOrCode.toLowerCase(Locale.ROOT));
        if (byId != null) {
            return byId;
        }
        return st.items.values().stream().filter(i -> i.code().equalsIgnoreCase(idOrCode)).findFirst().orElse(null);
    }

    static ObjectNode render(XeroItem i, int unitDp) {
        ObjectNode o = Json.object();
        o.put("ItemID", i.itemId());
        o.put("Code", i.code());
        for (String s : List.of("Name", "Description", "PurchaseDescription")) {
            if (i.fields().has(s)) {
                o.set(s, i.fields().get(s));
            }
        }
        o.put("UpdatedDateUTC", XeroDates.msJson(i.updated()));
        for (String d : List.of("PurchaseDetails", "SalesDetails")) {
            ObjectNode det = o.putObject(d);
            JsonNode src = i.fields().get(d);
            if (src != null) {
                src.fields().forEachRemaining(e -> det.set(e.getKey(), e.getKey().equals("UnitPrice")
                        ? Json.MAPPER.getNodeFactory().numberNode(Money.scale(e.getValue().decimalValue(), unitDp)) : e.getValue()));
            }
        }
        o.put("IsTrackedAsInventory", false);
        o.put("IsSold", i.fields().path("IsSold").asBoolean(true));
        o.put("IsPurchased", i.fields().path("IsPurchased").asBoolean(true));
        return o;
    }
}
