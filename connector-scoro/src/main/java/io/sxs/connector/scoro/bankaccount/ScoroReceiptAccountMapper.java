package io.sxs.connector.scoro.bankaccount;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.BankAccount;

/**
 * A Xero bank account as a Scoro receipt account (pure): the name is its identity in both systems (Scoro may have
 * the account already, under the same name), the account number travels, and an account with no number and no code
 * (the stand-in account that credit allocations go through) is of type {@code other}.
 */
public final class ScoroReceiptAccountMapper {

    public static final String MODULE = "receiptAccounts";
    public static final String ID_FIELD = "id";

    private ScoroReceiptAccountMapper() {
    }

    public static ObjectNode toRequest(BankAccount account) {
        if (account.getName() == null || account.getName().isBlank()) {
            throw new ScoroMappingException("bank account " + account.getId() + " has no name");
        }
        ObjectNode r = ScoroJson.object();
        r.put("name", account.getName());
        r.put("type", account.getCode() == null && account.getAccountNumber() == null ? "other" : "bank");
        if (account.getAccountNumber() != null) {
            r.put("account_no", account.getAccountNumber());
        }
        return r;
    }

    public static BankAccount toCanonical(JsonNode row) {
        String id = ScoroValues.id(row, ID_FIELD);
        String name = ScoroValues.text(row, "name");
        if (id == null || name == null) {
            throw new ScoroMappingException("receipt account without id or name: " + row);
        }
        return BankAccount.newBuilder().setId(id).setName(name).setAccountNumber(ScoroValues.text(row, "account_no"))
                .setStatus(ScoroValues.flag(row, "is_deleted") ? RecordStatus.DELETED : RecordStatus.ACTIVE)
                .setUpdatedAt(ScoroTimestamps.instant("modified_date", ScoroValues.text(row, "modified_date")))
                .build();
    }
}
