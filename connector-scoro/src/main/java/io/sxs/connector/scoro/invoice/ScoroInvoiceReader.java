package io.sxs.connector.scoro.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroReadItems;
import io.sxs.connector.scoro.mapping.ScoroValues;
import io.sxs.connector.scoro.reference.ReferenceCache;
import io.sxs.connector.scoro.reference.ReferenceData;
import io.sxs.connector.scoro.reference.ReferenceNeeds;
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
 * every listed invoice that is not deleted is fetched with {@code view}; a deleted one travels with its list row as
 * last state.
 */
public final class ScoroInvoiceReader implements EntityReader {

    private final ScoroClients clients;
    private final ReferenceCache references;

    public ScoroInvoiceReader(ScoroClients clients, ReferenceCache references) {
        this.clients = clients;
        this.references = references;
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
        List<JsonNode> full = new ArrayList<>(rows.size());
        List<String> viewErrors = new ArrayList<>(rows.size());
        ReferenceNeeds needs = new ReferenceNeeds();
        for (JsonNode row : rows) {
            JsonNode doc = row;
            String error = null;
            String id = safeId(row);
            if (id != null && !ScoroValues.flag(row, "is_deleted")) {
                try {
                    doc = client.view(ScoroInvoiceMapper.MODULE, id);
                } catch (ApiException e) {
                    if (e.kind() == ApiException.Kind.NOT_FOUND) {
                        // Deleted between list and view: the list row is its last known state.
                        doc = row.deepCopy();
                        ((com.fasterxml.jackson.databind.node.ObjectNode) doc).put("is_deleted", 1);
                    } else if (e.kind() == ApiException.Kind.MALFORMED || e.kind() == ApiException.Kind.REJECTED) {
                        error = "invoices/view/" + id + " failed: " + e.getMessage();
                    } else {
                        throw e;
                    }
                }
            }
            full.add(doc);
            viewErrors.add(error);
            ScoroInvoiceMapper.needsOf(doc, needs);
        }
        ReferenceData refs = references.covering(connection.connectionId(), client, needs);
        List<ReadItem> items = new ArrayList<>(full.size());
        for (int i = 0; i < full.size(); i++) {
            JsonNode doc = full.get(i);
            String position = "page " + page + " row " + (i + 1);
            if (viewErrors.get(i) != null) {
                String reason = viewErrors.get(i);
                items.add(ScoroReadItems.toItem(doc, "id", position, d -> {
                    throw new io.sxs.connector.scoro.mapping.ScoroMappingException(reason);
                }));
            } else {
                items.add(ScoroReadItems.toItem(doc, "id", position, d -> ScoroInvoiceMapper.toCanonical(d, refs)));
            }
        }
        return new ReadPage(items, rows.size() < ScoroClient.MAX_PER_PAGE, client.calls());
    }

    private static String safeId(JsonNode row) {
        try {
            return ScoroValues.id(row, "id");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
