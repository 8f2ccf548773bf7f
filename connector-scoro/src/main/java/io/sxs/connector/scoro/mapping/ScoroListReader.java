package io.sxs.connector.scoro.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A Scoro module whose list returns whole records (contacts, products): one list page of 100 per call, deleted
 * records included, modified since the cursor; items named by a hint are read with one list filtered by their ids.
 * Scoro lists by id, not by modification time.
 */
public class ScoroListReader implements EntityReader {

    private final ScoroClients clients;
    private final EntityType entity;
    private final String module;
    private final String idField;
    private final Function<JsonNode, SpecificRecordBase> mapper;

    protected ScoroListReader(ScoroClients clients, EntityType entity, String module, String idField,
                              Function<JsonNode, SpecificRecordBase> mapper) {
        this.clients = clients;
        this.entity = entity;
        this.module = module;
        this.idField = idField;
        this.mapper = mapper;
    }

    @Override
    public EntityType entity() {
        return entity;
    }

    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = ScoroReadItems.listChanged(client, module, since, page);
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
        ArrayNode wanted = filter.putArray(idField);
        ids.forEach(id -> ScoroJson.addId(wanted, id));
        return items(client.list(module, filter, 1, ScoroClient.MAX_PER_PAGE, true), "hint");
    }

    private List<ReadItem> items(JsonNode rows, String where) {
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            items.add(ScoroReadItems.tagged(ScoroReadItems.toItem(entity, row, idField, where + " row " + index, mapper), true));
        }
        return items;
    }
}
