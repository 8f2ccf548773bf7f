package io.sxs.connector.scoro.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.client.ScoroJson;
import io.sxs.connector.scoro.mapping.ScoroMappingException;
import io.sxs.connector.scoro.mapping.ScoroReadItems;
import io.sxs.connector.scoro.mapping.ScoroTimestamps;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Scoro invoices and credit invoices (the payload's documentType says which). {@code list} returns no lines, so
 * a listed invoice is a summary: the runtime has it fetched with {@code view} only when its id and
 * {@code modified_date} are new. A deleted invoice travels with its list row as last state.
 */
public final class ScoroInvoiceReader implements EntityReader {

    private final ScoroClients clients;

    public ScoroInvoiceReader(ScoroClients clients) {
        this.clients = clients;
    }

    @Override
    public EntityType entity() {
        return EntityType.INVOICE;
    }

    /** Scoro lists by id, not by modification time. */
    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = ScoroReadItems.listChanged(client, ScoroInvoiceMapper.MODULE, since, page);
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String id = safeId(row);
            if (id == null || ScoroValues.flag(row, "is_deleted")) {
                items.add(mapped(row, "page " + page + " row " + index));
            } else {
                String version = ScoroValues.text(row, "modified_date");
                items.add(ReadItem.summary(ScoroInvoiceMapper.entityOf(row), id, version, safeInstant(version), row));
            }
        }
        return new ReadPage(items, rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    /** {@code invoices/view/<id>}: the invoice with its lines. */
    @Override
    public ReadItem detail(ConnectionContext connection, ReadItem summary) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode row = (JsonNode) summary.raw();
        JsonNode doc;
        try {
            doc = client.view(ScoroInvoiceMapper.MODULE, summary.sourceId());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                // Deleted between list and view: the list row is its last known state.
                ObjectNode deleted = row.deepCopy();
                deleted.put("is_deleted", 1);
                return mapped(deleted, "invoice " + summary.sourceId());
            }
            if (e.kind() == ApiException.Kind.MALFORMED || e.kind() == ApiException.Kind.REJECTED) {
                String reason = "invoices/view/" + summary.sourceId() + " failed: " + e.getMessage();
                return ScoroReadItems.toItem(ScoroInvoiceMapper.entityOf(row), row, "id", "invoice " + summary.sourceId(), d -> {
                    throw new ScoroMappingException(reason);
                });
            }
            throw e;
        }
        return mapped(doc, "invoice " + summary.sourceId());
    }

    /** A webhook named the invoice: one {@code view} (a deleted one is found with {@code include_deleted}). */
    @Override
    public int maxIdsPerRead() {
        return 1;
    }

    @Override
    public List<ReadItem> readByIds(ConnectionContext connection, List<String> ids) throws ApiException {
        List<ReadItem> items = new ArrayList<>();
        ScoroClient client = clients.open(connection);
        for (String id : ids) {
            try {
                items.add(mapped(client.view(ScoroInvoiceMapper.MODULE, id), "invoice " + id));
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                ObjectNode filter = ScoroJson.object();
                ScoroJson.addId(filter.putArray("id"), id);
                for (JsonNode row : client.list(ScoroInvoiceMapper.MODULE, filter, 1, ScoroClient.MAX_PER_PAGE, true)) {
                    if (id.equals(safeId(row))) {
                        items.add(mapped(row, "invoice " + id));
                    }
                }
            }
        }
        return items;
    }

    /** Lines carry their own account and VAT code ids (the mapper translates them): no reference list is read. */
    private static ReadItem mapped(JsonNode doc, String position) {
        return ScoroReadItems.toItem(ScoroInvoiceMapper.entityOf(doc), doc, "id", position, ScoroInvoiceMapper::toCanonical);
    }

    private static String safeId(JsonNode row) {
        try {
            return ScoroValues.id(row, "id");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Instant safeInstant(String version) {
        try {
            return ScoroTimestamps.instant("modified_date", version);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
