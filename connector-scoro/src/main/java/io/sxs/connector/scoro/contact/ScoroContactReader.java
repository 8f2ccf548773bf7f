package io.sxs.connector.scoro.contact;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads Scoro contacts (companies and persons), deleted ones included, one list page of 100 per call. */
public final class ScoroContactReader implements EntityReader {

    public static final String MODULE = "contacts";

    private final ScoroClients clients;

    public ScoroContactReader(ScoroClients clients) {
        this.clients = clients;
    }

    @Override
    public EntityType entity() {
        return EntityType.CONTACT;
    }

    /** Scoro lists by id, not by modification time. */
    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = ScoroReadItems.listChanged(client, MODULE, since, page);
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            items.add(ScoroReadItems.toItem(EntityType.CONTACT, row, "contact_id", "page " + page + " row " + index, ScoroContactMapper::toCanonical));
        }
        return new ReadPage(items, rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    /** Contacts named by a webhook: one list call filtered by their ids (lists return contacts whole). */
    @Override
    public int maxIdsPerRead() {
        return ScoroClient.MAX_PER_PAGE;
    }

    @Override
    public List<ReadItem> readByIds(ConnectionContext connection, List<String> ids) throws ApiException {
        ScoroClient client = clients.open(connection);
        com.fasterxml.jackson.databind.node.ObjectNode filter = ScoroJson.object();
        com.fasterxml.jackson.databind.node.ArrayNode wanted = filter.putArray("contact_id");
        ids.forEach(id -> ScoroJson.addId(wanted, id));
        JsonNode rows = client.list(MODULE, filter, 1, ScoroClient.MAX_PER_PAGE, true);
        List<ReadItem> items = new ArrayList<>();
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            items.add(ScoroReadItems.toItem(EntityType.CONTACT, row, "contact_id", "hint row " + index, ScoroContactMapper::toCanonical));
        }
        return items;
    }
}
