package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;

/** A UK tax rate. Output (sales) rates cannot be used on expense accounts and input rates not on revenue accounts. */
record XeroTaxRate(String taxType, String name, BigDecimal rate, String reportTaxType, boolean canApplyToRevenue,
                   boolean canApplyToExpenses, String status) implements java.io.Serializable {

    XeroTaxRate(String taxType, String name, BigDecimal rate, String reportTaxType, boolean canApplyToRevenue,
                boolean canApplyToExpenses) {
        this(taxType, name, rate, reportTaxType, canApplyToRevenue, canApplyToExpenses, "ACTIVE");
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    boolean canApplyTo(XeroAccount account) {
        return switch (account.accountClass()) {
            case "REVENUE" -> canApplyToRevenue;
            case "EXPENSE" -> canApplyToExpenses;
            default -> true;
        };
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("Name", name);
        o.put("TaxType", taxType);
        o.put("ReportTaxType", reportTaxType);
        o.put("CanApplyToAssets", true);
        o.put("CanApplyToEquity", true);
        o.put("CanApplyToExpenses", canApplyToExpenses);
        o.put("CanApplyToLiabilities", true);
        o.put("CanApplyToRevenue", canApplyToRevenue);
        o.put("DisplayTaxRate", rate);
        o.put("EffectiveRate", rate);
        o.put("Status", status);
        ObjectNode component = o.putArray("TaxComponents").addObject();
        component.put("Name", "VAT");
        component.put("Rate", rate);
        component.put("IsCompound", false);
        component.put("IsNonRecoverable", false);
        return o;
    }
}
