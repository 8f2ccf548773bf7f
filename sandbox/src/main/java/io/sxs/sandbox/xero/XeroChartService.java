package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.sandbox.core.SandboxValidationException;
import io.sxs.sandbox.http.Json;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Chart of accounts and tax rates: Code (≤10) and Name (≤150) unique, Type from Xero's list, accounts ARCHIVED or
 * deleted (only while unused: they then vanish); tax rates created with generated TaxType codes (TAX001, ...).
 * System accounts cannot be changed, and a used account keeps its Code (the sandbox refuses the change).
 */
final class XeroChartService {

    static final Map<String, String> CLASS_OF_TYPE = Map.ofEntries(
            Map.entry("BANK", "ASSET"), Map.entry("CURRENT", "ASSET"), Map.entry("FIXED", "ASSET"),
            Map.entry("INVENTORY", "ASSET"), Map.entry("NONCURRENT", "ASSET"), Map.entry("PREPAYMENT", "ASSET"),
            Map.entry("CURRLIAB", "LIABILITY"), Map.entry("LIABILITY", "LIABILITY"), Map.entry("TERMLIAB", "LIABILITY"),
            Map.entry("EQUITY", "EQUITY"), Map.entry("REVENUE", "REVENUE"), Map.entry("SALES", "REVENUE"),
            Map.entry("OTHERINCOME", "REVENUE"), Map.entry("EXPENSE", "EXPENSE"), Map.entry("OVERHEADS", "EXPENSE"),
            Map.entry("DIRECTCOSTS", "EXPENSE"), Map.entry("DEPRECIATN", "EXPENSE"));

    private XeroChartService() {
    }

    static XeroAccount writeAccount(XeroTenantState st, XeroAccount cur, JsonNode in, Instant now) {
        List<String> errors = new ArrayList<>();
        if (cur != null && cur.systemAccount() != null) {
            throw new SandboxValidationException("System accounts cannot be changed.");
        }
        String code = in.has("Code") ? Json.str(in, "Code") : cur == null ? null : cur.code();
        String name = in.has("Name") ? Json.str(in, "Name") : cur == null ? null : cur.name();
        String type = in.has("Type") ? Json.str(in, "Type") : cur == null ? null : cur.type();
        String status = in.has("Status") ? Json.str(in, "Status") : cur == null ? "ACTIVE" : cur.status();
        if (code == null || code.isBlank()) {
            errors.add("Please enter a Code for the account.");
        } else if (code.length() > 10) {
            errors.add("Code must not be more than 10 characters long.");
        } else {
            XeroAccount same = st.accountsByCode.get(code.trim());
            if (same != null && (cur == null || !same.accountId().equals(cur.accountId()))) {
                errors.add("Please enter a unique Code.");
            }
            if (cur != null && !code.trim().equals(cur.code()) && used(st, cur.code())) {
                errors.add("The sandbox keeps the Code of an account that has transactions.");
            }
        }
        if (name == null || name.isBlank()) {
            errors.add("Please enter a Name for the account.");
        } else if (name.length() > 150) {
            errors.add("Name must not be more than 150 characters long.");
        } else {
            for (XeroAccount a : st.accountsByCode.values()) {
                if (a.name().equalsIgnoreCase(name.trim()) && (cur == null || !a.accountId().equals(cur.accountId()))) {
                    errors.add("Please enter a unique Name.");
                }
            }
        }
        if (type == null || !CLASS_OF_TYPE.containsKey(type)) {
            errors.add("Type must be one of " + CLASS_OF_TYPE.keySet() + ".");
        }
        if (!Set.of("ACTIVE", "ARCHIVED").contains(status)) {
            errors.add("Status must be ACTIVE or ARCHIVED.");
        }
        String accountClass = type == null ? null : CLASS_OF_TYPE.get(type);
        String taxType = in.has("TaxType") ? Json.str(in, "TaxType") : cur != null ? cur.taxType()
                : "REVENUE".equals(accountClass) ? "OUTPUT2" : "EXPENSE".equals(accountClass) ? "INPUT2" : "NONE";
        if (taxType != null && !st.taxRates.containsKey(taxType)) {
            errors.add("The TaxType code '" + taxType + "' does not exist or cannot be used for this type of transaction.");
        }
        String bankNumber = in.has("BankAccountNumber") ? Json.str(in, "BankAccountNumber") : cur == null ? null : cur.bankAccountNumber();
        if ("BANK".equals(type) && (bankNumber == null || bankNumber.isBlank())) {
            errors.add("Bank accounts need a BankAccountNumber.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        boolean payments = in.has("EnablePaymentsToAccount") ? in.get("EnablePaymentsToAccount").asBoolean()
                : cur == null ? "BANK".equals(type) : cur.enablePaymentsToAccount();
        XeroAccount saved = new XeroAccount(cur == null ? UUID.randomUUID().toString() : cur.accountId(), code.trim(), name.trim(),
                type, accountClass, taxType, null, bankNumber, payments, now, status,
                in.has("Description") ? Json.str(in, "Description") : cur == null ? null : cur.description());
        if (cur != null) {
            st.accountsByCode.remove(cur.code());
        }
        st.accountsByCode.put(saved.code(), saved);
        return saved;
    }

    /** Unused accounts vanish; used ones must be archived instead. */
    static void deleteAccount(XeroTenantState st, XeroAccount a) {
        if (a.systemAccount() != null) {
            throw new SandboxValidationException("System accounts cannot be deleted.");
        }
        if (used(st, a.code())) {
            throw new SandboxValidationException("This account has transactions and cannot be deleted. Archive it instead.");
        }
        st.accountsByCode.remove(a.code());
    }

    static boolean used(XeroTenantState st, String code) {
        for (Map<String, XeroInvoice> docs : List.of(st.invoices, st.creditNotes, st.prepayments, st.overpayments)) {
            for (XeroInvoice d : docs.values()) {
                for (XeroLineItem l : d.lineItems()) {
                    if (code.equals(l.accountCode())) {
                        return true;
                    }
                }
            }
        }
        for (XeroPayment p : st.payments.values()) {
            if (code.equals(p.accountCode())) {
                return true;
            }
        }
        for (XeroBankTransaction t : st.bankTransactions.values()) {
            if (code.equals(t.bankAccountCode()) || t.lineItems().stream().anyMatch(l -> code.equals(l.accountCode()))) {
                return true;
            }
        }
        return false;
    }

    /** Creates a rate (generated TaxType) or, for an existing TaxType, renames it or changes its Status. */
    static XeroTaxRate writeTaxRate(XeroTenantState st, XeroTaxRate cur, JsonNode in) {
        List<String> errors = new ArrayList<>();
        String name = in.has("Name") ? Json.str(in, "Name") : cur == null ? null : cur.name();
        String status = in.has("Status") ? Json.str(in, "Status") : cur == null ? "ACTIVE" : cur.status();
        if (name == null || name.isBlank()) {
            errors.add("Please enter a Name for the tax rate.");
        } else {
            for (XeroTaxRate t : st.taxRates.values()) {
                if (t.name().equalsIgnoreCase(name.trim()) && (cur == null || !t.taxType().equals(cur.taxType()))) {
                    errors.add("Please enter a unique Name for the tax rate.");
                }
            }
        }
        if (!Set.of("ACTIVE", "ARCHIVED", "DELETED").contains(status)) {
            errors.add("Status must be ACTIVE, ARCHIVED or DELETED.");
        }
        BigDecimal rate = cur == null ? null : cur.rate();
        if (in.has("TaxComponents")) {
            if (cur != null) {
                errors.add("The sandbox does not change the components of an existing tax rate; create a new one.");
            } else {
                rate = BigDecimal.ZERO;
                for (JsonNode c : in.get("TaxComponents")) {
                    try {
                        BigDecimal r = Json.dec(c, "Rate");
                        rate = rate.add(r == null ? BigDecimal.ZERO : r);
                    } catch (NumberFormatException e) {
                        errors.add("TaxComponents Rate must be a number.");
                    }
                }
            }
        }
        if (rate == null) {
            errors.add("A new tax rate needs TaxComponents with a Rate.");
        }
        if (!errors.isEmpty()) {
            throw new SandboxValidationException(errors);
        }
        String taxType = cur != null ? cur.taxType() : nextTaxType(st);
        XeroTaxRate saved = new XeroTaxRate(taxType, name.trim(), rate.setScale(4, java.math.RoundingMode.HALF_UP),
                cur == null ? Json.str(in, "ReportTaxType") == null ? "OUTPUT" : Json.str(in, "ReportTaxType") : cur.reportTaxType(),
                cur == null || cur.canApplyToRevenue(), cur == null || cur.canApplyToExpenses(), status);
        st.taxRates.put(taxType, saved);
        return saved;
    }

    private static String nextTaxType(XeroTenantState st) {
        for (int i = 1; ; i++) {
            String candidate = String.format("TAX%03d", i);
            if (!st.taxRates.containsKey(candidate)) {
                return candidate;
            }
        }
    }
}
