package io.sxs.connector.scoro.preflight;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroApiException;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.source.ApiException;
import io.sxs.schemas.envelope.ConnectionFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * The Scoro half of the pre-flight check, one call: {@code companyAccount/list} gives the entity's name, base and
 * active currencies and the site's active entities (reference notes: "use it to validate the entity and base currency
 * before syncing").
 */
public final class ScoroFactsReader {

    private final ScoroClients clients;

    public ScoroFactsReader(ScoroClients clients) {
        this.clients = clients;
    }

    public ConnectionFacts.Builder read(ConnectionContext connection) throws ApiException {
        JsonNode data = clients.open(connection).list("companyAccount", null, 1, 1, false);
        if (data == null || !data.isObject()) {
            throw new ScoroApiException(ApiException.Kind.MALFORMED, 200, "companyAccount/list answered no settings object",
                    List.of());
        }
        List<String> currencies = new ArrayList<>();
        data.path("active_currencies").forEach(c -> currencies.add(c.asText()));
        List<String> entities = new ArrayList<>();
        data.path("active_entities").forEach(e -> entities.add(e.path("entity_id").asText()));
        return ConnectionFacts.newBuilder().setName(ScoroValues.text(data, "name"))
                .setBaseCurrency(ScoroValues.text(data, "base_currency")).setCurrencies(currencies).setEntities(entities);
    }
}
