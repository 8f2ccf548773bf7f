package io.sxs.connector.source;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;

/**
 * Reads one entity of one system incrementally, one API page per call. The source runtime owns cursors, overlap,
 * de-duplication and transactions; a reader only turns API pages into canonical items.
 */
public interface EntityReader {

    EntityType entity();

    /**
     * True when pages come ordered by modification time ascending, so the watermark may advance after every page;
     * otherwise it advances only when a whole pass is done.
     */
    boolean orderedByModification();

    /**
     * Reads one page of items modified at or after {@code since} (null: everything, the initial full read).
     *
     * @param page 1-based page number
     * @throws ApiException typed failure: the runtime logs it and retries on the next poll
     */
    ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException;
}
