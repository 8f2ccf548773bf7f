package io.sxs.connector.scoro.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroApiException;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
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
 * Reads a Scoro reference module back in full (a page of 100 per call): these modules have no deleted flag, so a
 * user's delete shows only as a missing row, and the runtime diffs each pass against the last ({@link #snapshot}).
 * A row's version is the hash of its content.
 */
public class ScoroSnapshotReader implements EntityReader {

    private final ScoroClients clients;
    private final EntityType entity;
    private final String module;
    private final String idField;
    private final Function<JsonNode, SpecificRecordBase> mapper;

    public ScoroSnapshotReader(ScoroClients clients, EntityType entity, String module, String idField,
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
    public boolean snapshot() {
        return true;
    }

    /**
     * Reading Scoro's reference modules back only catches users editing what is read-only to them, and Scoro's
     * day has 500 calls: four safety-net intervals (2 h by default) between reads.
     */
    @Override
    public java.time.Duration pollFloor(java.time.Duration safetyNet) {
        return safetyNet.multipliedBy(4);
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = client.list(module, null, page, ScoroClient.MAX_PER_PAGE, false);
        if (!rows.isArray()) {
            throw new ScoroApiException(ApiException.Kind.MALFORMED, 200, module + "/list data is not an array", List.of());
        }
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String id = safeId(row);
            try {
                SpecificRecordBase payload = mapper.apply(row);
                items.add(ReadItem.ofContent(entity, id, payload));
            } catch (RuntimeException e) {
                items.add(ReadItem.invalid(entity, id == null ? "missing-id@page " + page + " row " + index : id,
                        null, null, e.getMessage()));
            }
        }
        return new ReadPage(items, rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    private String safeId(JsonNode row) {
        try {
            return ScoroValues.id(row, idField);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
