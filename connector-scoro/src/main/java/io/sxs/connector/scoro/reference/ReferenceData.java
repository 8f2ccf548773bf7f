package io.sxs.connector.scoro.reference;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.scoro.mapping.ScoroValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * An immutable snapshot of one connection's Scoro reference lists: finance accounts ({@code id} ↔
 * {@code account_symbol}) and VAT codes ({@code vat_code_id} ↔ {@code vat_code}, with percent). The canonical model
 * carries the shared codes on lines; this translates them to and from Scoro ids.
 */
public final class ReferenceData {

    public static final ReferenceData EMPTY = new ReferenceData(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
            Map.of(), null);

    private final Map<String, String> accountSymbolById;
    private final Map<String, String> accountIdBySymbol;
    private final Map<String, String> vatCodeById;
    private final Map<String, String> vatIdByCode;
    private final Map<String, BigDecimal> vatPercentById;
    private final Map<String, JsonNode> vatRowById;
    private final Map<String, JsonNode> accountRowById;
    private final Instant loadedAt;

    public ReferenceData(Map<String, String> accountSymbolById, Map<String, String> accountIdBySymbol,
                         Map<String, String> vatCodeById, Map<String, String> vatIdByCode,
                         Map<String, BigDecimal> vatPercentById, Map<String, JsonNode> vatRowById,
                         Map<String, JsonNode> accountRowById, Instant loadedAt) {
        this.accountSymbolById = Map.copyOf(accountSymbolById);
        this.accountIdBySymbol = Map.copyOf(accountIdBySymbol);
        this.vatCodeById = Map.copyOf(vatCodeById);
        this.vatIdByCode = Map.copyOf(vatIdByCode);
        this.vatPercentById = Map.copyOf(vatPercentById);
        this.vatRowById = Map.copyOf(vatRowById);
        this.accountRowById = Map.copyOf(accountRowById);
        this.loadedAt = loadedAt;
    }

    /** Builds a snapshot from the rows of {@code financeAccounts/list} and {@code vatCodes/list}. */
    public static ReferenceData of(Iterable<JsonNode> financeAccounts, Iterable<JsonNode> vatCodes, Instant loadedAt) {
        Map<String, String> symbolById = new HashMap<>();
        Map<String, String> idBySymbol = new HashMap<>();
        Map<String, JsonNode> accountRows = new HashMap<>();
        for (JsonNode row : financeAccounts) {
            String id = firstId(row, "id", "account_id", "finance_account_id");
            String symbol = ScoroValues.text(row, "account_symbol");
            if (id != null && symbol != null) {
                symbolById.put(id, symbol);
                accountRows.put(id, row);
                idBySymbol.putIfAbsent(symbol, id);
            }
        }
        Map<String, String> codeById = new HashMap<>();
        Map<String, String> idByCode = new HashMap<>();
        Map<String, BigDecimal> percentById = new HashMap<>();
        Map<String, JsonNode> rowById = new HashMap<>();
        for (JsonNode row : vatCodes) {
            String id = firstId(row, "vat_code_id", "id");
            String code = ScoroValues.text(row, "vat_code");
            if (id != null && code != null) {
                codeById.put(id, code);
                rowById.put(id, row);
                idByCode.putIfAbsent(code, id);
                BigDecimal percent = ScoroValues.decimal(row, "percent");
                if (percent != null) {
                    percentById.put(id, percent);
                }
            }
        }
        return new ReferenceData(symbolById, idBySymbol, codeById, idByCode, percentById, rowById, accountRows, loadedAt);
    }

    private static String firstId(JsonNode row, String... fields) {
        for (String f : fields) {
            String id = ScoroValues.id(row, f);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    public String accountSymbol(String financeAccountId) {
        return accountSymbolById.get(financeAccountId);
    }

    public String financeAccountId(String accountSymbol) {
        return accountIdBySymbol.get(accountSymbol);
    }

    public String vatCode(String vatCodeId) {
        return vatCodeById.get(vatCodeId);
    }

    public String vatCodeId(String vatCode) {
        return vatIdByCode.get(vatCode);
    }

    /** The finance account row as listed, or null. */
    public JsonNode financeAccountRow(String financeAccountId) {
        return financeAccountId == null ? null : accountRowById.get(financeAccountId);
    }

    /** The VAT code row as listed, or null. */
    public JsonNode vatCodeRow(String vatCodeId) {
        return vatCodeId == null ? null : vatRowById.get(vatCodeId);
    }

    public BigDecimal vatPercent(String vatCodeId) {
        return vatPercentById.get(vatCodeId);
    }

    public boolean knowsAccountIds(Iterable<String> ids) {
        for (String id : ids) {
            if (!accountSymbolById.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    public boolean knowsVatCodeIds(Iterable<String> ids) {
        for (String id : ids) {
            if (!vatCodeById.containsKey(id)) {
                return false;
            }
        }
        return true;
    }

    public boolean knowsAccountSymbols(Iterable<String> symbols) {
        for (String s : symbols) {
            if (!accountIdBySymbol.containsKey(s)) {
                return false;
            }
        }
        return true;
    }

    public boolean knowsVatCodes(Iterable<String> codes) {
        for (String c : codes) {
            if (!vatIdByCode.containsKey(c)) {
                return false;
            }
        }
        return true;
    }

    /** When it was loaded; null for {@link #EMPTY}. */
    public Instant loadedAt() {
        return loadedAt;
    }
}
