package io.sxs.connector.xero.source;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Reference data read whole with one unpaged GET (TaxRates, Accounts): every pass reads the set and the runtime
 * compares it with the last one ({@link #snapshot}), which finds hard deletes that no modified-since read shows, for
 * the same one call. A row's version is the hash of its canonical content. Polled at the safety-net interval.
 */
public abstract class XeroSnapshotReader implements EntityReader {

    private final XeroClient client;

    protected XeroSnapshotReader(XeroClient client) {
        this.client = client;
    }

    /** The endpoint and envelope key, e.g. {@code TaxRates}. */
    protected abstract String collection();

    /** The row's id field. */
    protected abstract String idField();

    /** The entity a row is (the reader's, unless one endpoint carries several). */
    protected EntityType entityOf(JsonNode row) {
        return entity();
    }

    /** Query parameters of the GET. */
    protected Map<String, String> query(ConnectionContext connection) {
        return Map.of();
    }

    /**
     * The rows of the reply that are items (by default the collection's elements); null when the connection reads
     * nothing of this endpoint (then no call is made at all, see {@link #wanted}).
     */
    protected Iterable<JsonNode> rows(ConnectionContext connection, JsonNode body) throws ApiException {
        return body.get(collection());
    }

    /** False when the connection reads nothing of this endpoint: the set is empty, and no call is made. */
    protected boolean wanted(ConnectionContext connection) {
        return true;
    }

    /** @param body the whole reply (a row's context, e.g. the tracking category of an option) */
    protected abstract SpecificRecordBase map(JsonNode row, EntityType entity, JsonNode body) throws MappingException;

    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public boolean snapshot() {
        return true;
    }

    /** Reference data rarely changes: the safety-net interval between polls. */
    @Override
    public java.time.Duration pollFloor(java.time.Duration safetyNet) {
        return safetyNet;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        if (!wanted(connection)) {
            return new ReadPage(List.of(), true, 0);
        }
        XeroSession session = client.open(connection);
        XeroResponse response = session.get(collection(), query(connection), null);
        JsonNode list = response.body().get(collection());
        if (list == null || !list.isArray()) {
            throw XeroErrors.malformed(response.status(), "no " + collection() + " array in the reply", null);
        }
        Iterable<JsonNode> rows = rows(connection, response.body());
        List<ReadItem> items = new ArrayList<>();
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            EntityType entity = entityOf(row);
            String id = row.path(idField()).asText("");
            try {
                SpecificRecordBase payload = map(row, entity, response.body());
                items.add(ReadItem.ofContent(entity, id, payload));
            } catch (MappingException | RuntimeException e) {
                items.add(ReadItem.invalid(entity, id.isBlank() ? "unknown:" + collection() + ":row" + index : id, null, null,
                        collection() + " row " + index + ": " + e.getMessage()));
            }
        }
        return new ReadPage(items, true, session.calls());
    }
}
