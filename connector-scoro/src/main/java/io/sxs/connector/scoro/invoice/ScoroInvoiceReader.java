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
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Reads Scoro invoices and credit invoices (the payload's documentType says which), or with {@link #bills} the
 * purchase bills, which have the same shape. {@code list} returns no lines, so a listed document is a summary: the
 * runtime has it fetched with {@code view} only when its id and {@code modified_date} are new. A deleted document
 * travels with its list row as last state.
 */
public final class ScoroInvoiceReader implements EntityReader {

    private final ScoroClients clients;
    private final String module;
    private final EntityType entity;
    private final Function<JsonNode, EntityType> entityOf;
    private final Function<JsonNode, SpecificRecordBase> mapper;

    public ScoroInvoiceReader(ScoroClients clients) {
        this(clients, ScoroInvoiceMapper.MODULE, EntityType.INVOICE, ScoroInvoiceMapper::entityOf, ScoroInvoiceMapper::toCanonical);
    }

    private ScoroInvoiceReader(ScoroClients clients, String module, EntityType entity, Function<JsonNode, EntityType> entityOf,
                               Function<JsonNode, SpecificRecordBase> mapper) {
        this.clients = clients;
        this.module = module;
        this.entity = entity;
        this.entityOf = entityOf;
        this.mapper = mapper;
    }

    /** Scoro {@code bills} (purchase invoices). */
    public static ScoroInvoiceReader bills(ScoroClients clients) {
        return new ScoroInvoiceReader(clients, ScoroInvoiceMapper.BILLS_MODULE, EntityType.BILL, row -> EntityType.BILL,
                ScoroInvoiceMapper::toBill);
    }

    @Override
    public EntityType entity() {
        return entity;
    }

    @Override
    public java.util.Set<EntityType> entities() {
        return entity == EntityType.INVOICE ? java.util.Set.of(EntityType.INVOICE, EntityType.CREDIT_NOTE) : java.util.Set.of(entity);
    }

    /** Scoro lists by id, not by modification time. */
    @Override
    public boolean orderedByModification() {
        return false;
    }

    @Override
    public ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException {
        ScoroClient client = clients.open(connection);
        JsonNode rows = ScoroReadItems.listChanged(client, module, since, page);
        List<ReadItem> items = new ArrayList<>(rows.size());
        int index = 0;
        for (JsonNode row : rows) {
            index++;
            String id = safeId(row);
            if (id == null || ScoroValues.flag(row, "is_deleted")) {
                items.add(mapped(row, "page " + page + " row " + index));
            } else {
                String version = ScoroValues.text(row, "modified_date");
                items.add(ReadItem.summary(entityOf.apply(row), id, version, safeInstant(version), row));
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
            doc = client.view(module, summary.sourceId());
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                // Deleted between list and view: the list row is its last known state.
                ObjectNode deleted = row.deepCopy();
                deleted.put("is_deleted", 1);
                return mapped(deleted, module + " " + summary.sourceId());
            }
            if (e.kind() == ApiException.Kind.MALFORMED || e.kind() == ApiException.Kind.REJECTED) {
                String reason = module + "/view/" + summary.sourceId() + " failed: " + e.getMessage();
                return ScoroReadItems.toItem(entityOf.apply(row), row, "id", module + " " + summary.sourceId(), d -> {
                    throw new ScoroMappingException(reason);
                });
            }
            throw e;
        }
        return mapped(doc, module + " " + summary.sourceId());
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
                items.add(mapped(client.view(module, id), module + " " + id));
            } catch (ApiException e) {
                if (e.kind() != ApiException.Kind.NOT_FOUND) {
                    throw e;
                }
                ObjectNode filter = ScoroJson.object();
                ScoroJson.addId(filter.putArray("id"), id);
                for (JsonNode row : client.list(module, filter, 1, ScoroClient.MAX_PER_PAGE, true)) {
                    if (id.equals(safeId(row))) {
                        items.add(mapped(row, module + " " + id));
                    }
                }
            }
        }
        return items;
    }

    /** Lines carry their own account and VAT code ids (the mapper translates them): no reference list is read. */
    /** Only a delete's version is tagged (see {@link ScoroReadItems#tagged}): listed rows are summaries. */
    private ReadItem mapped(JsonNode doc, String position) {
        return ScoroReadItems.tagged(ScoroReadItems.toItem(entityOf.apply(doc), doc, "id", position, mapper), false);
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
