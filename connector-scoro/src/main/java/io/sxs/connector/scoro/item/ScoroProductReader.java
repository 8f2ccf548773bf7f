package io.sxs.connector.scoro.item;

import io.sxs.connector.scoro.client.ScoroClients;
import io.sxs.connector.scoro.mapping.ScoroListReader;
import io.sxs.schemas.common.EntityType;
import java.time.Duration;

/**
 * Reads Scoro products, deleted ones included (lists return products whole). Scoro's webhooks are not documented for
 * products, so they are polled at the safety-net interval: a document whose line needs a product not seen yet asks
 * for it by id, so a new product does not wait for the poll.
 */
public final class ScoroProductReader extends ScoroListReader {

    public static final String MODULE = "products";
    public static final String ID_FIELD = "product_id";

    public ScoroProductReader(ScoroClients clients) {
        super(clients, EntityType.ITEM, MODULE, ID_FIELD, ScoroProductMapper::toCanonical);
    }

    @Override
    public Duration pollFloor(Duration safetyNet) {
        return safetyNet;
    }
}
