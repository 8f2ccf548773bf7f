package io.sxs.sandbox.xero;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.sandbox.http.Json;

import java.time.Instant;

/** One account of a tenant's chart of accounts. */
record XeroAccount(String accountId, String code, String name, String type, String accountClass, String taxType,
                   String systemAccount, String bankAccountNumber, boolean enablePaymentsToAccount, Instant updated,
                   String status, String description) implements java.io.Serializable {

    XeroAccount(String accountId, String code, String name, String type, String accountClass, String taxType,
                String systemAccount, String bankAccountNumber, boolean enablePaymentsToAccount, Instant updated) {
        this(accountId, code, name, type, accountClass, taxType, systemAccount, bankAccountNumber, enablePaymentsToAccount,
                updated, "ACTIVE", null);
    }

    boolean isActive() {
        return "ACTIVE".equals(status);
    }

    boolean isBank() {
        return "BANK".equals(type);
    }

    /** Xero refuses invoice lines on bank accounts and on the debtors/creditors control accounts. */
    boolean usableOnInvoiceLines() {
        return !isBank() && !"DEBTORS".equals(systemAccount) && !"CREDITORS".equals(systemAccount);
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("AccountID", accountId);
        o.put("Code", code);
        o.put("Name", name);
        o.put("Status", status);
        if (description != null) {
            o.put("Description", description);
        }
        o.put("Type", type);
        o.put("TaxType", taxType);
        o.put("Class", accountClass);
        if (systemAccount != null) {
            o.put("SystemAccount", systemAccount);
        }
        o.put("EnablePaymentsToAccount", enablePaymentsToAccount);
        o.put("ShowInExpenseClaims", "EXPENSE".equals(accountClass) && !isBank());
        if (isBank()) {
            o.put("BankAccountNumber", bankAccountNumber);
            o.put("BankAccountType", "BANK");
            o.put("CurrencyCode", "GBP");
        } else {
            o.put("BankAccountType", "");
        }
        o.put("ReportingCode", "");
        o.put("HasAttachments", false);
        o.put("UpdatedDateUTC", XeroDates.msJson(updated));
        o.put("AddToWatchlist", false);
        return o;
    }
}
