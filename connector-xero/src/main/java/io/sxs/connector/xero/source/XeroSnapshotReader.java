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
import io.sxs.schemas.hash.ContentHasher;
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

    protected abstract SpecificRecordBase map(JsonNode row, EntityType entity) throws MappingException;

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
        XeroResponse response = session.get(collection(), Map.of(), null);
        JsonNode rows = response.body().get(collection());
        if (rows == null || !rows.isArray()) {
            throw XeroErrors.malformed(response.status(), "no " + collection() + " array in the reply", null);
        }
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            EntityType entity = entityOf(row);
            String id = row.path(idField()).asText("");
            try {
                SpecificRecordBase payload = map(row, entity);
                items.add(ReadItem.upsert(entity, id, ContentHasher.hash(payload), null, payload));
            } catch (MappingException | RuntimeException e) {
                items.add(ReadItem.invalid(entity, id.isBlank() ? "unknown:" + collection() + ":row" + index : id, null, null,
                        collection() + " row " + index + ": " + e.getMessage()));
            }
        }
        return new ReadPage(items, true, session.calls());
    }
}
