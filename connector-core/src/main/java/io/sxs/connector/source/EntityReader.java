package io.sxs.connector.source;

import io.sxs.connector.connection.ConnectionContext;
import io.sxs.schemas.common.EntityType;
import java.time.Instant;
import java.util.List;

/**
 * Reads one entity of one system, one API call per method call. The source runtime owns cursors, overlap,
 * de-duplication, pacing and transactions; a reader only turns API replies into canonical items.
 */
public interface EntityReader {

    EntityType entity();

    /** Every entity this reader's rows can be (Scoro invoices bring credit notes, Xero invoices bring bills). */
    default java.util.Set<EntityType> entities() {
        return java.util.Set.of(entity());
    }

    /**
     * The entities whose webhook news may concern this reader's items (a Xero payment is announced as an update of
     * what it pays): news of the pipeline's own write of one of them triggers no read.
     */
    default java.util.Set<EntityType> announcedBy() {
        return java.util.Set.of(entity());
    }

    /**
     * True when news of the pipeline's own write is read all the same, because the item's rows carry items the write
     * does not report (a credit note the pipeline allocated brings its allocations, which are payments).
     */
    default boolean readsOwnWrites() {
        return false;
    }

    /**
     * True when pages come ordered by modification time ascending, so the watermark may advance after every page;
     * otherwise it advances only when a whole pass is done.
     */
    boolean orderedByModification();

    /**
     * True when every pass reads the whole set (the API has no modification filter, e.g. Xero TaxRates): the runtime
     * emits only the items whose id and version it has not seen, and a delete for every id of the last set that is
     * gone (hard deletes are found by comparing the id sets). Readers give such items a content-derived version.
     */
    default boolean snapshot() {
        return false;
    }

    /**
     * The shortest interval between this entity's polls, given the safety-net interval: reference data that rarely
     * changes (chart of accounts, tax rates) waits at least the safety net between polls.
     */
    default java.time.Duration pollFloor(java.time.Duration safetyNet) {
        return java.time.Duration.ZERO;
    }

    /**
     * Reads one page of items modified at or after {@code since} (null: everything, the initial full read). Items may
     * be {@linkplain ReadItem#summary summaries} when the list call does not return everything.
     *
     * @param page 1-based page number
     * @throws ApiException typed failure: the runtime logs it and tries again later
     */
    ReadPage read(ConnectionContext connection, Instant since, int page) throws ApiException;

    /** The full item for a summary this reader returned (one API call); never called for other items. */
    default ReadItem detail(ConnectionContext connection, ReadItem summary) throws ApiException {
        throw new UnsupportedOperationException(entity() + " reader returns no summaries");
    }

    /** How many ids one targeted read ({@link #readByIds}) takes at most; 0 when the reader has none. */
    default int maxIdsPerRead() {
        return 0;
    }

    /**
     * Reads the given items (after a webhook said they changed) with as few calls as the API allows, normally one.
     * Items that no longer exist are left out or returned as deletes.
     */
    default List<ReadItem> readByIds(ConnectionContext connection, List<String> ids) throws ApiException {
        throw new UnsupportedOperationException(entity() + " reader has no targeted reads");
    }
}
