package io.sxs.connector.xero.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroResponse;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Xero {@code TaxRates}: the endpoint has no modified-since filter and no paging, so one GET reads the whole set and
 * the runtime diffs it against the last one ({@link #snapshot}); a rate's version is the hash of its content. Rates
 * change rarely: polled at the safety-net interval.
 */
public final class XeroTaxRateReader implements EntityReader {

    private final XeroClient client;

    public XeroTaxRateReader(XeroClient client) {
        this.client = client;
    }

    @Override
    public EntityType entity() {
        return EntityType.TAX_RATE;
    }

    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public boolean snapshot() {
        return true;
    }

    @Override
    public boolean slowChanging() {
        return true;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        XeroSession session = client.open(connection);
        XeroResponse response = session.get("TaxRates", Map.of(), null);
        JsonNode rows = response.body().get("TaxRates");
        if (rows == null || !rows.isArray()) {
            throw XeroErrors.malformed(response.status(), "no TaxRates array in the reply", null);
        }
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String taxType = row.path("TaxType").asText("");
            try {
                TaxRate rate = XeroTaxRateMapper.toCanonical(row);
                items.add(ReadItem.upsert(EntityType.TAX_RATE, rate.getId(), ContentHasher.hash(rate), null, rate));
            } catch (MappingException | RuntimeException e) {
                String id = taxType.isBlank() ? "unknown:TaxRates:row" + index : taxType;
                items.add(ReadItem.invalid(EntityType.TAX_RATE, id, null, null, "TaxRates row " + index + ": " + e.getMessage()));
            }
        }
        return new ReadPage(items, true, session.calls());
    }
}
