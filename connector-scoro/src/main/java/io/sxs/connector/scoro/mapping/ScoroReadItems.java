package io.sxs.connector.scoro.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.scoro.client.ScoroApiException;
import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.ReadItem;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Turns one Scoro row into a {@link ReadItem}: upsert, delete (Scoro's {@code is_deleted}), or invalid with the reason.
 * Never throws, so one malformed row cannot stop a page.
 */
public final class ScoroReadItems {

    private ScoroReadItems() {
    }

    /**
     * One page of a module's list with deleted records included, modified at or after {@code since} (null: all).
     *
     * @throws ApiException MALFORMED when {@code data} is not an array
     */
    public static JsonNode listChanged(ScoroClient client, String module, Instant since, int page) throws ApiException {
        JsonNode rows = client.list(module, modifiedSince(since), page, ScoroClient.MAX_PER_PAGE, true);
        if (!rows.isArray()) {
            throw new ScoroApiException(ApiException.Kind.MALFORMED, 200, module + "/list data is not an array", List.of());
        }
        return rows;
    }

    public static ObjectNode modifiedSince(Instant since) {
        if (since == null) {
            return null;
        }
        ObjectNode filter = io.sxs.connector.scoro.client.ScoroJson.object();
        filter.putObject("modified_date").put("from_date", ScoroTimestamps.filterValue(since));
        return filter;
    }

    /**
     * @param entity   the entity the row is (a Scoro invoice row may be a credit note)
     * @param row      the object to map (for invoices, the viewed object with lines)
     * @param idField  Scoro's id field of the module
     * @param position used in place of the id when the row has none
     */
    public static ReadItem toItem(EntityType entity, JsonNode row, String idField, String position, Function<JsonNode, SpecificRecordBase> mapper) {
        String version = ScoroValues.text(row, "modified_date");
        String id = safe(() -> ScoroValues.id(row, idField));
        Instant modifiedAt = safe(() -> ScoroTimestamps.instant("modified_date", version));
        boolean deleted = ScoroValues.flag(row, "is_deleted");
        SpecificRecordBase payload;
        try {
            payload = mapper.apply(row);
        } catch (RuntimeException e) {
            String reason = e instanceof ScoroMappingException ? e.getMessage() : "cannot map: " + e;
            if (deleted && id != null) {
                // A delete must still travel even when the last state is unreadable.
                return ReadItem.delete(entity, id, version, deletedAt(row, modifiedAt), null);
            }
            return ReadItem.invalid(entity, id == null ? "missing-id@" + position : id, version, modifiedAt, reason);
        }
        if (deleted) {
            return ReadItem.delete(entity, id, version, deletedAt(row, modifiedAt), payload);
        }
        return ReadItem.upsert(entity, id, version, modifiedAt, payload);
    }

    /**
     * {@code modified_date} has whole seconds, so an edit and a delete (or two edits) in one second would carry the
     * same version and the later be taken for a re-read. A delete's version is tagged {@code #deleted}; with
     * {@code content} (lists that return whole records) an upsert's is tagged with its content hash. A re-read of the
     * same state keeps its tag. A summary is left as it is: its version must match what the sink wrote.
     */
    public static ReadItem tagged(ReadItem item, boolean content) {
        if (item.sourceVersion() == null || item.invalidReason() != null || item.summary()) {
            return item;
        }
        String tag = item.operation() == io.sxs.schemas.envelope.Operation.DELETE ? "deleted"
                : content && item.payload() != null ? io.sxs.schemas.hash.ContentHasher.hash(item.payload()).substring(0, 12) : null;
        return tag == null ? item : new ReadItem(item.entity(), item.sourceId(), item.sourceVersion() + "#" + tag,
                item.modifiedAt(), item.operation(), item.payload(), null, false, null);
    }

    private static Instant deletedAt(JsonNode row, Instant modifiedAt) {
        Instant deleted = safe(() -> ScoroTimestamps.instant("deleted_date", ScoroValues.text(row, "deleted_date")));
        return deleted != null ? deleted : modifiedAt;
    }

    private static <T> T safe(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
