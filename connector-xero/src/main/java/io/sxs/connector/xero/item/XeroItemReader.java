package io.sxs.connector.xero.item;

import com.fasterxml.jackson.databind.JsonNode;
import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.xero.client.XeroClient;
import io.sxs.connector.xero.mapping.MappingException;
import io.sxs.connector.xero.source.XeroSnapshotReader;
import io.sxs.schemas.common.EntityType;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Xero {@code Items}: not paged, hard-deleted (a deleted item vanishes), and no webhook announces them; so one GET
 * reads the whole set at the safety-net interval and comparing id sets finds deletes. A document whose line needs an
 * item not seen yet asks for it, which brings this read forward.
 */
public final class XeroItemReader extends XeroSnapshotReader {

    public XeroItemReader(XeroClient client) {
        super(client);
    }

    @Override
    public EntityType entity() {
        return EntityType.ITEM;
    }

    @Override
    protected String collection() {
        return "Items";
    }

    @Override
    protected String idField() {
        return "ItemID";
    }

    @Override
    protected Map<String, String> query(ConnectionContext connection) {
        return Map.of("unitdp", "4");
    }

    @Override
    protected SpecificRecordBase map(JsonNode row, EntityType entity, JsonNode body) throws MappingException {
        return XeroItemMapper.toCanonical(row);
    }
}
