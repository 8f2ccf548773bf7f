package io.sxs.connector.xero.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroDates;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroResponse;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One paged, modified-since GET per call, ordered by UpdatedDateUTC ascending. Paging is what makes Xero include
 * invoice LineItems. A row that does not map becomes an invalid item with its reason; it never fails the page.
 * Targeted reads (after a webhook) fetch up to {@link #MAX_IDS} items in one GET with {@code IDs}.
 */
public abstract class XeroPagedReader implements EntityReader {

    public static final int MAX_PAGE_SIZE = 1000;
    /** About 52 GUIDs fit in Xero's URL limit (Xero-Java#328); 53 gave a 404. */
    public static final int MAX_IDS = 50;

    private final XeroClient client;
    private final int pageSize;

    protected XeroPagedReader(XeroClient client, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be 1.." + MAX_PAGE_SIZE);
        }
        this.client = client;
        this.pageSize = pageSize;
    }

    /** The endpoint and envelope key, e.g. {@code Contacts}. */
    protected abstract String collection();

    /** The row's id field, e.g. {@code ContactID}. */
    protected abstract String idField();

    /** Endpoint-specific query parameters (includeArchived, unitdp, …). */
    protected abstract void addQuery(Map<String, String> query);

    /** True for rows this reader does not own (e.g. bills among invoices). */
    protected boolean skip(JsonNode row) {
        return false;
    }

    protected abstract SpecificRecordBase map(JsonNode row) throws MappingException;

    /**
     * Items a row carries besides itself, read in the same call (a credit note's allocations are payments), placed
     * after it with its version; none by default.
     */
    protected List<ReadItem> alongside(JsonNode row, ReadItem item) {
        return List.of();
    }

    /** The entity a row is; one endpoint may carry several (invoices and bills share Invoices). */
    protected EntityType entityOf(JsonNode row) {
        return entity();
    }

    @Override
    public boolean orderedByModification() {
        return true;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        if (page < 1) {
            throw new IllegalArgumentException("page is 1-based");
        }
        XeroSession session = client.open(connection);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(page));
        query.put("pageSize", Integer.toString(pageSize));
        query.put("order", "UpdatedDateUTC ASC");
        addQuery(query);
        XeroResponse response = session.get(collection(), query, since);
        JsonNode rows = response.body().get(collection());
        if (response.status() == 304) {
            return new ReadPage(List.of(), true, session.calls());
        }
        List<ReadItem> items = items(response, rows, page);
        boolean last = rows.size() < pageSize;
        JsonNode pageCount = response.body().path("pagination").path("pageCount");
        if (pageCount.isInt() && page >= pageCount.intValue()) {
            last = true;
        }
        return new ReadPage(items, last, session.calls());
    }

    @Override
    public int maxIdsPerRead() {
        return MAX_IDS;
    }

    @Override
    public List<ReadItem> readByIds(ConnectionContext connection, List<String> ids) throws ApiException {
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("1.." + MAX_IDS + " ids per targeted read");
        }
        XeroSession session = client.open(connection);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("IDs", String.join(",", ids));
        query.put("page", "1"); // a paged GET is what includes invoice LineItems
        query.put("pageSize", Integer.toString(MAX_IDS));
        addQuery(query);
        XeroResponse response = session.get(collection(), query, null);
        return items(response, response.body().get(collection()), 1);
    }

    /** The rows of a reply this reader owns, as items (a row that does not map is an invalid item). */
    private List<ReadItem> items(XeroResponse response, JsonNode rows, int page) throws ApiException {
        if (rows == null || !rows.isArray()) {
            throw XeroErrors.malformed(response.status(), "no " + collection() + " array in the reply", null);
        }
        List<ReadItem> items = new ArrayList<>(rows.size());
        int row = 0;
        for (JsonNode r : rows) {
            row++;
            if (!skip(r)) {
                ReadItem item = item(r, page, row);
                items.add(item);
                if (item.invalidReason() == null) {
                    items.addAll(alongside(r, item));
                }
            }
        }
        return items;
    }

    private ReadItem item(JsonNode r, int page, int row) {
        String id = r.path(idField()).asText("");
        if (id.isBlank()) {
            id = null;
        }
        String version = r.path("UpdatedDateUTC").isTextual() ? r.get("UpdatedDateUTC").asText() : null;
        Instant modifiedAt = null;
        if (version != null) {
            try {
                modifiedAt = XeroDates.parseTimestamp(version);
            } catch (IllegalArgumentException e) {
                return ReadItem.invalid(entityOf(r), orPosition(id, page, row), version, null, collection() + " row: UpdatedDateUTC "
                        + e.getMessage());
            }
        }
        if (id == null) {
            return ReadItem.invalid(entityOf(r), orPosition(null, page, row), version, modifiedAt,
                    collection() + " row " + row + " of page " + page + " has no " + idField());
        }
        try {
            return ReadItem.upsert(entityOf(r), id, version, modifiedAt, map(r));
        } catch (MappingException | RuntimeException e) {
            return ReadItem.invalid(entityOf(r), id, version, modifiedAt, e.getMessage());
        }
    }

    /** A stand-in id for a row without one, so the error list can still point at it. */
    private String orPosition(String id, int page, int row) {
        return id != null ? id : "unknown:" + collection() + ":page" + page + ":row" + row;
    }
}
