package io.sxs.connector.scoro.support;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.connector.source.ApiException;
import io.sxs.connector.source.EntityReader;
import io.sxs.connector.source.ReadItem;
import io.sxs.connector.source.ReadPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads a page and fetches the details of every summary on it, as the runtime does for rows it has not seen. */
public final class FullReads {

    private FullReads() {
    }

    public static List<ReadItem> page(EntityReader reader, ConnectionContext connection, Instant since, int page)
            throws ApiException {
        return complete(reader, connection, reader.read(connection, since, page));
    }

    public static List<ReadItem> complete(EntityReader reader, ConnectionContext connection, ReadPage listed)
            throws ApiException {
        List<ReadItem> items = new ArrayList<>();
        for (ReadItem item : listed.items()) {
            items.add(item.summary() ? reader.detail(connection, item) : item);
        }
        return items;
    }
}
