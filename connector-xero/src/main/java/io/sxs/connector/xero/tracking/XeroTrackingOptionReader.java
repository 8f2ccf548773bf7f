package io.sxs.connector.xero.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.xero.client.XeroApiException;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroSnapshotReader;
import io.sxs.schemas.common.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The options of the one tracking category a connection names ({@code ConnectionConfig.trackingCategory}), from one
 * {@code GET /TrackingCategories?includeArchived=true} per pass (the endpoint has no modified-since filter): the whole
 * set, so renamed, archived and deleted options follow. The other category is never read into the pipeline. A name
 * that is not an active category fails the pass with that reason (nothing is deleted because of a misnamed
 * setting); no name configured means no options, and no call.
 */
public final class XeroTrackingOptionReader extends XeroSnapshotReader {

    private static final String CATEGORY_NAME = "sxs:CategoryName";

    public XeroTrackingOptionReader(XeroClient client) {
        super(client);
    }

    @Override
    public EntityType entity() {
        return EntityType.TRACKING_OPTION;
    }

    @Override
    protected String collection() {
        return "TrackingCategories";
    }

    @Override
    protected String idField() {
        return "TrackingOptionID";
    }

    @Override
    protected boolean wanted(ConnectionContext connection) {
        String name = connection.config().getTrackingCategory();
        return name != null && !name.isBlank();
    }

    @Override
    protected Map<String, String> query(ConnectionContext connection) {
        return Map.of("includeArchived", "true");
    }

    /** The named category's options, each marked with the category's name (Xero nests them, so that is lost). */
    @Override
    protected Iterable<JsonNode> rows(ConnectionContext connection, JsonNode body) throws ApiException {
        JsonNode category = category(connection, body);
        List<JsonNode> options = new ArrayList<>();
        for (JsonNode option : category.path("Options")) {
            ObjectNode copy = option.deepCopy();
            copy.set(CATEGORY_NAME, category.get("Name"));
            options.add(copy);
        }
        return options;
    }

    @Override
    protected SpecificRecordBase map(JsonNode row, EntityType entity, JsonNode body) throws MappingException {
        return XeroTrackingMapper.toOption(row.path(CATEGORY_NAME).asText(null), row);
    }

    private JsonNode category(ConnectionContext connection, JsonNode body) throws ApiException {
        try {
            return XeroTrackingMapper.category(body.get(collection()), connection.config().getTrackingCategory());
        } catch (MappingException e) {
            throw new XeroApiException(ApiException.Kind.REJECTED, 200, e.getMessage());
        }
    }
}
