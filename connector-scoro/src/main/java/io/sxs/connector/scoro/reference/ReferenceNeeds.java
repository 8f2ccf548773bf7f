package io.sxs.connector.scoro.reference;

import java.util.LinkedHashSet;
import java.util.Set;

/** The reference ids and codes a page or a write uses, so the cache is refreshed only when one of them is unknown. */
public final class ReferenceNeeds {

    final Set<String> accountIds = new LinkedHashSet<>();
    final Set<String> vatCodeIds = new LinkedHashSet<>();
    final Set<String> accountSymbols = new LinkedHashSet<>();
    final Set<String> vatCodes = new LinkedHashSet<>();

    public ReferenceNeeds accountId(String id) {
        if (id != null) {
            accountIds.add(id);
        }
        return this;
    }

    public ReferenceNeeds vatCodeId(String id) {
        if (id != null) {
            vatCodeIds.add(id);
        }
        return this;
    }

    public ReferenceNeeds accountSymbol(String symbol) {
        if (symbol != null) {
            accountSymbols.add(symbol);
        }
        return this;
    }

    public ReferenceNeeds vatCode(String code) {
        if (code != null) {
            vatCodes.add(code);
        }
        return this;
    }

    public boolean isEmpty() {
        return accountIds.isEmpty() && vatCodeIds.isEmpty() && accountSymbols.isEmpty() && vatCodes.isEmpty();
    }

    boolean metBy(ReferenceData data) {
        return data.knowsAccountIds(accountIds) && data.knowsVatCodeIds(vatCodeIds)
                && data.knowsAccountSymbols(accountSymbols) && data.knowsVatCodes(vatCodes);
    }
}
