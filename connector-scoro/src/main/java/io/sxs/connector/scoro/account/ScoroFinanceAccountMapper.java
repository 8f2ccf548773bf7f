package io.sxs.connector.scoro.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.sink.ReferenceWrites;
import io.sxs.schemas.common.RecordStatus;
import io.sxs.schemas.entity.Account;

/**
 * Scoro {@code financeAccounts} rows to and from the canonical {@link Account}. Scoro keeps the code
 * ({@code account_symbol}), the name, an active flag and the sales/purchases flags; the rest of a Xero account
 * (type, tax type, system account) has no place in Scoro and is not written. Pure.
 */
public final class ScoroFinanceAccountMapper {

    public static final String MODULE = "financeAccounts";
    public static final String ID_FIELD = "id";

    private ScoroFinanceAccountMapper() {
    }

    public static Account toCanonical(JsonNode row) {
        String id = ScoroValues.id(row, ID_FIELD);
        String symbol = ScoroValues.text(row, "account_symbol");
        String name = ScoroValues.text(row, "name");
        if (id == null || name == null) {
            throw new ScoroMappingException("finance account without " + (id == null ? ID_FIELD : "name"));
        }
        return Account.newBuilder().setId(id).setCode(symbol).setName(name)
                .setStatus(!row.has("is_active") || ScoroValues.flag(row, "is_active") ? RecordStatus.ACTIVE : RecordStatus.ARCHIVED)
                .setIsSales(ScoroValues.flag(row, "is_sales_account"))
                .setIsPurchases(ScoroValues.flag(row, "is_purchases_account")).build();
    }

    /** The modify request that makes a Scoro finance account hold the account's content. */
    public static ObjectNode toRequest(Account account) {
        if (account.getCode() == null || account.getCode().isBlank()) {
            throw new ScoroMappingException("account " + account.getName() + " has no code; Scoro needs an account_symbol");
        }
        ObjectNode r = ScoroJson.object();
        r.put("account_symbol", account.getCode());
        r.put("name", account.getName());
        r.put("is_active", account.getStatus() == RecordStatus.ACTIVE ? 1 : 0);
        r.put("is_sales_account", account.getIsSales() ? 1 : 0);
        r.put("is_purchases_account", account.getIsPurchases() ? 1 : 0);
        return r;
    }

    /** Xero accounts into finance accounts, adopting an account Scoro has from the cached reference lists. */
    public static ReferenceWrites<Account> writes() {
        return new ReferenceWrites<>(MODULE, ID_FIELD, "account_symbol", Account.class, ScoroFinanceAccountMapper::toRequest,
                ScoroFinanceAccountMapper::toCanonical, (symbol, refs) -> refs.financeAccountRow(refs.financeAccountId(symbol)),
                (account, needs) -> needs.accountSymbol(account.getCode()));
    }
}
