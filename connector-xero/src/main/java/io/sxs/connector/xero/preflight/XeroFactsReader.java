package io.sxs.connector.xero.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroResponse;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.XeroFields;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Xero half of the pre-flight check: the organisation (name, base currency), its currencies, its active tracking
 * categories with their option counts, and the active tax rates and (non-bank) accounts that will sync. Five GETs, once per
 * connection (and again only when the connection is rewritten or stays refused).
 */
public final class XeroFactsReader {

    private final XeroClient client;

    public XeroFactsReader(XeroClient client) {
        this.client = client;
    }

    public ConnectionFacts.Builder read(ConnectionContext connection) throws ApiException {
        XeroSession session = client.open(connection);
        JsonNode organisation = first(list(session, "Organisations", "Organisation"));
        ConnectionFacts.Builder facts = ConnectionFacts.newBuilder()
                .setName(XeroFields.text(organisation, "Name"))
                .setBaseCurrency(XeroFields.text(organisation, "BaseCurrency"));
        List<String> currencies = new ArrayList<>();
        for (JsonNode currency : list(session, "Currencies", "Currencies")) {
            currencies.add(currency.path("Code").asText());
        }
        List<String> categories = new ArrayList<>();
        List<Integer> options = new ArrayList<>();
        for (JsonNode category : list(session, "TrackingCategories", "TrackingCategories")) {
            if (active(category)) {
                categories.add(category.path("Name").asText());
                int count = 0;
                for (JsonNode option : category.path("Options")) {
                    count += active(option) ? 1 : 0;
                }
                options.add(count);
            }
        }
        List<String> taxRates = new ArrayList<>();
        for (JsonNode rate : list(session, "TaxRates", "TaxRates")) {
            if (active(rate)) {
                taxRates.add(rate.path("TaxType").asText());
            }
        }
        List<String> accounts = new ArrayList<>();
        for (JsonNode account : list(session, "Accounts", "Accounts")) {
            // BANK accounts are not finance accounts in Scoro: they sync with the first payment that uses them.
            if (active(account) && !"BANK".equals(account.path("Type").asText())) {
                String code = XeroFields.text(account, "Code");
                accounts.add(code == null ? account.path("Name").asText() : code);
            }
        }
        return facts.setCurrencies(currencies).setTrackingCategories(categories).setTrackingOptions(options)
                .setTaxRates(taxRates).setAccounts(accounts);
    }

    private static JsonNode list(XeroSession session, String key, String path) throws ApiException {
        XeroResponse response = session.get(path, Map.of(), null);
        JsonNode list = response.body().get(key);
        if (list == null || !list.isArray()) {
            throw XeroErrors.malformed(response.status(), "no " + key + " array in the reply to GET /" + path, null);
        }
        return list;
    }

    private static JsonNode first(JsonNode list) {
        return list.isEmpty() ? null : list.get(0);
    }

    private static boolean active(JsonNode row) {
        return "ACTIVE".equals(row.path("Status").asText("ACTIVE"));
    }
}
