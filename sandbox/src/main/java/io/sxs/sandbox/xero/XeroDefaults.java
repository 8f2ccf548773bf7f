package io.sxs.sandbox.xero;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a new UK organisation starts with: a default chart of accounts and the UK VAT rates. */
final class XeroDefaults {

    private XeroDefaults() {
    }

    static Map<String, XeroTaxRate> ukTaxRates() {
        Map<String, XeroTaxRate> m = new LinkedHashMap<>();
        for (XeroTaxRate r : List.of(
                new XeroTaxRate("OUTPUT2", "20% (VAT on Income)", new BigDecimal("20.0000"), "OUTPUT", true, false),
                new XeroTaxRate("INPUT2", "20% (VAT on Expenses)", new BigDecimal("20.0000"), "INPUT", false, true),
                new XeroTaxRate("RROUTPUT", "5% (VAT on Income)", new BigDecimal("5.0000"), "OUTPUT", true, false),
                new XeroTaxRate("RRINPUT", "5% (VAT on Expenses)", new BigDecimal("5.0000"), "INPUT", false, true),
                new XeroTaxRate("ZERORATEDOUTPUT", "Zero Rated Income", new BigDecimal("0.0000"), "OUTPUT", true, false),
                new XeroTaxRate("ZERORATEDINPUT", "Zero Rated Expenses", new BigDecimal("0.0000"), "INPUT", false, true),
                new XeroTaxRate("EXEMPTOUTPUT", "Exempt Income", new BigDecimal("0.0000"), "EXEMPTOUTPUT", true, false),
                new XeroTaxRate("EXEMPTINPUT", "Exempt Expenses", new BigDecimal("0.0000"), "EXEMPTINPUT", false, true),
                new XeroTaxRate("NONE", "No VAT", new BigDecimal("0.0000"), "NONE", true, true))) {
            m.put(r.taxType(), r);
        }
        return m;
    }

    static Map<String, XeroAccount> ukAccounts(Instant now) {
        Map<String, XeroAccount> m = new LinkedHashMap<>();
        Object[][] rows = {
            // code, name, type, class, taxType, systemAccount
            {"090", "Business Bank Account", "BANK", "ASSET", "NONE", null},
            {"200", "Sales", "REVENUE", "REVENUE", "OUTPUT2", null},
            {"260", "Other Revenue", "REVENUE", "REVENUE", "OUTPUT2", null},
            {"270", "Interest Income", "REVENUE", "REVENUE", "EXEMPTOUTPUT", null},
            {"310", "Cost of Goods Sold", "DIRECTCOSTS", "EXPENSE", "INPUT2", null},
            {"400", "Advertising", "EXPENSE", "EXPENSE", "INPUT2", null},
            {"404", "Bank Fees", "EXPENSE", "EXPENSE", "EXEMPTINPUT", null},
            {"429", "General Expenses", "EXPENSE", "EXPENSE", "INPUT2", null},
            {"610", "Accounts Receivable", "CURRENT", "ASSET", "NONE", "DEBTORS"},
            {"800", "Accounts Payable", "CURRLIAB", "LIABILITY", "NONE", "CREDITORS"},
            {"820", "VAT", "CURRLIAB", "LIABILITY", "NONE", "GST"},
            {"860", "Rounding", "CURRLIAB", "LIABILITY", "NONE", "ROUNDING"},
        };
        for (Object[] r : rows) {
            String code = (String) r[0];
            m.put(code, new XeroAccount(UUID.randomUUID().toString(), code, (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], "090".equals(code) ? "20-20-20 12345678" : null,
                    "090".equals(code), now));
        }
        return m;
    }
}
