package io.sxs.connector.scoro.item;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroReadItems;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Scoro products, deleted ones included, one list page of 100 per call (lists return products whole). Scoro's
 * webhooks are not documented for products, so they are polled, at the safety-net interval: a document whose line
 * needs a product not seen yet asks for it by id ({@link #readByIds}), so a new product does not wait for the poll.
 */
public final class ScoroProductReader implements EntityReader {

    public static final String MODULE = "products";
    public static final String ID_FIELD = "product_id";

    private final ScoroClients clients;

    public ScoroProductReader(ScoroClients clients) {
        this.clients = clients;
    }

    @Override
    public EntityType entity() {
        return EntityType.ITEM;
    }

    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public Duration pollFloor(Duration safetyNet) {
        return safetyNet;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = ScoroReadItems.listChanged(client, MODULE, since, page);
        return new ReadPage(items(rows, "page " + page), rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    @Override
    public int maxIdsPerRead() {
        return ScoroClient.MAX_PER_PAGE;
    }

    @Override
    public List<ReadItem> readByIds(ConnectionContext connection, List<String> ids) throws ApiException {
        ScoroClient client = clients.open(connection);
        ObjectNode filter = ScoroJson.object();
        ArrayNode wanted = filter.putArray(ID_FIELD);
        ids.forEach(id -> ScoroJson.addId(wanted, id));
        return items(client.list(MODULE, filter, 1, ScoroClient.MAX_PER_PAGE, true), "hint");
    }

    private static List<ReadItem> items(JsonNode rows, String where) {
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            items.add(ScoroReadItems.toItem(EntityType.ITEM, row, ID_FIELD, where + " row " + index, ScoroProductMapper::toCanonical));
        }
        return items;
    }
}
