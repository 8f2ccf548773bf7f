package io.sxs.connector.xero.account;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Account;
import io.sxs.schemas.entity.BankAccount;

/**
 * Xero {@code Accounts} elements to the canonical model: a BANK account is a {@link BankAccount} (it syncs to Scoro's
 * receipt accounts, with the payments that use it), every other account an {@link Account} of the chart. Sales and
 * purchases follow the account's {@code Class} (REVENUE, EXPENSE). Pure.
 */
public final class XeroAccountMapper {

    private XeroAccountMapper() {
    }

    public static boolean isBank(JsonNode row) {
        return "BANK".equals(XeroFields.text(row, "Type"));
    }

    public static Account toAccount(JsonNode row) throws MappingException {
        String id = XeroFields.requiredText(row, "AccountID");
        String name = XeroFields.text(row, "Name");
        if (name == null) {
            throw new MappingException("account " + id + " has no Name");
        }
        String accountClass = XeroFields.text(row, "Class");
        return Account.newBuilder().setId(id).setCode(XeroFields.text(row, "Code")).setName(name)
                .setType(XeroFields.text(row, "Type")).setStatus(status(row, id)).setTaxType(XeroFields.text(row, "TaxType"))
                .setDescription(XeroFields.text(row, "Description")).setCurrencyCode(XeroFields.text(row, "CurrencyCode"))
                .setIsSales("REVENUE".equals(accountClass)).setIsPurchases("EXPENSE".equals(accountClass))
                .setSystemAccount(XeroFields.text(row, "SystemAccount"))
                .setEnablePaymentsToAccount(XeroFields.bool(row, "EnablePaymentsToAccount"))
                .setUpdatedAt(XeroFields.timestamp(row, "UpdatedDateUTC")).build();
    }

    public static BankAccount toBankAccount(JsonNode row) throws MappingException {
        String id = XeroFields.requiredText(row, "AccountID");
        String name = XeroFields.text(row, "Name");
        if (name == null) {
            throw new MappingException("bank account " + id + " has no Name");
        }
        return BankAccount.newBuilder().setId(id).setCode(XeroFields.text(row, "Code")).setName(name)
                .setAccountNumber(XeroFields.text(row, "BankAccountNumber")).setCurrencyCode(XeroFields.text(row, "CurrencyCode"))
                .setStatus(status(row, id)).setUpdatedAt(XeroFields.timestamp(row, "UpdatedDateUTC")).build();
    }

    private static RecordStatus status(JsonNode row, String id) throws MappingException {
        String status = XeroFields.text(row, "Status");
        if (status == null) {
            return RecordStatus.ACTIVE;
        }
        return switch (status) {
            case "ACTIVE" -> RecordStatus.ACTIVE;
            case "ARCHIVED" -> RecordStatus.ARCHIVED;
            case "DELETED" -> RecordStatus.DELETED;
            default -> throw new MappingException("account " + id + " has unknown Status " + status);
        };
    }
}
