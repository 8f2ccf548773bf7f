package io.sxs.connector.scoro.taxrate;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroApiException;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.TaxRate;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Scoro's VAT codes back, so that an edit made in Scoro to a code Xero owns is seen and put back, and a deleted
 * one recreated. {@code vatCodes} has no modification date and no deleted flag: the whole list is read every pass (a
 * page of 100 per call) and diffed by the runtime ({@link #snapshot}); a code's version is the hash of its content.
 */
public final class ScoroVatCodeReader implements EntityReader {

    private final ScoroClients clients;

    public ScoroVatCodeReader(ScoroClients clients) {
        this.clients = clients;
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
        ScoroClient client = clients.open(connection);
        JsonNode rows = client.list(ScoroVatCodeMapper.MODULE, null, page, ScoroClient.MAX_PER_PAGE, false);
        if (!rows.isArray()) {
            throw new ScoroApiException(ApiException.Kind.MALFORMED, 200, "vatCodes/list data is not an array", List.of());
        }
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String id = safeId(row);
            try {
                TaxRate rate = ScoroVatCodeMapper.toCanonical(row);
                items.add(ReadItem.upsert(EntityType.TAX_RATE, rate.getId(), ContentHasher.hash(rate), null, rate));
            } catch (RuntimeException e) {
                items.add(ReadItem.invalid(EntityType.TAX_RATE, id == null ? "missing-id@page " + page + " row " + index : id,
                        null, null, e.getMessage()));
            }
        }
        return new ReadPage(items, rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    private static String safeId(JsonNode row) {
        try {
            return ScoroValues.id(row, ScoroVatCodeMapper.ID_FIELD);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
