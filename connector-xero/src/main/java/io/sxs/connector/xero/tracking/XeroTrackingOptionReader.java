package io.sxs.connector.xero.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import io.sxs.connector.xero.client.XeroApiException;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.client.XeroErrors;
import io.sxs.connector.xero.client.XeroResponse;
import io.sxs.connector.xero.client.XeroSession;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.schemas.common.EntityType;
import io.sxs.schemas.entity.TrackingCategory;
import io.sxs.schemas.hash.ContentHasher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of the one tracking category a connection names ({@code ConnectionConfig.trackingCategory}), from one
 * {@code GET /TrackingCategories?includeArchived=true} per pass (the endpoint has no modified-since filter): the whole
 * set, diffed by the runtime, so renamed, archived and deleted options follow. The other category is never read into
 * the pipeline. A name that is not an active category fails the pass with that reason (nothing is deleted because
 * of a misnamed setting); no name configured means no options.
 */
public final class XeroTrackingOptionReader implements EntityReader {

    private final XeroClient client;

    public XeroTrackingOptionReader(XeroClient client) {
        this.client = client;
    }

    @Override
    public EntityType entity() {
        return EntityType.TRACKING_OPTION;
    }

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
        String name = connection.config().getTrackingCategory();
        if (name == null || name.isBlank()) {
            return new ReadPage(List.of(), true, 0);
        }
        XeroSession session = client.open(connection);
        XeroResponse response = session.get("TrackingCategories", Map.of("includeArchived", "true"), null);
        JsonNode categories = response.body().get("TrackingCategories");
        if (categories == null || !categories.isArray()) {
            throw XeroErrors.malformed(response.status(), "no TrackingCategories array in the reply", null);
        }
        JsonNode category;
        try {
            category = XeroTrackingMapper.category(categories, name);
        } catch (MappingException e) {
            throw new XeroApiException(ApiException.Kind.REJECTED, response.status(), e.getMessage());
        }
        List<ReadItem> items = new ArrayList<>();
        int index = 0;
        for (JsonNode option : category.path("Options")) {
            index++;
            String id = option.path("TrackingOptionID").asText("");
            try {
                TrackingCategory o = XeroTrackingMapper.toOption(category, option);
                items.add(ReadItem.upsert(EntityType.TRACKING_OPTION, o.getId(), ContentHasher.hash(o), null, o));
            } catch (MappingException | RuntimeException e) {
                items.add(ReadItem.invalid(EntityType.TRACKING_OPTION, id.isBlank() ? "unknown:Options:row" + index : id,
                        null, null, "tracking option " + index + " of " + name + ": " + e.getMessage()));
            }
        }
        return new ReadPage(items, true, session.calls());
    }
}
