package io.sxs.connector.scoro.reference;

import io.sxs.connector.scoro.client.ScoroClient;
import io.sxs.connector.source.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-connection cache of {@link ReferenceData}. Reference lists change rarely and the daily quota binds, so they are
 * loaded once, re-read on their own schedule ({@link #MAX_AGE}: two calls in six hours) and otherwise only when a
 * page or a write meets an id or code the snapshot does not know (at most once per {@code minRefresh}). Callers map
 * against the returned snapshot, which keeps the mappers pure.
 */
public final class ReferenceCache {

    public static final String FINANCE_ACCOUNTS = "financeAccounts";
    public static final String VAT_CODES = "vatCodes";
    /** A snapshot older than this is re-read when next used, so renamed codes are seen without an unknown id. */
    public static final Duration MAX_AGE = Duration.ofHours(6);

    private final Map<String, ReferenceData> byConnection = new ConcurrentHashMap<>();
    private final Duration minRefresh;
    private final Clock clock;

    public ReferenceCache(Duration minRefresh, Clock clock) {
        this.minRefresh = minRefresh;
        this.clock = clock;
    }

    /**
     * A snapshot that knows everything in {@code needs} if Scoro does: loads on first use, refreshes when something is
     * unknown. What Scoro itself does not know stays unknown, and the mapper reports it.
     */
    public ReferenceData covering(String connectionId, ScoroClient client, ReferenceNeeds needs) throws ApiException {
        ReferenceData current = byConnection.getOrDefault(connectionId, ReferenceData.EMPTY);
        Instant now = clock.instant();
        boolean young = current.loadedAt() != null && current.loadedAt().plus(MAX_AGE).isAfter(now);
        if (needs.isEmpty() || (young && needs.metBy(current))) {
            return current;
        }
        if (young && current.loadedAt().plus(minRefresh).isAfter(now)) {
            return current;
        }
        ReferenceData fresh = ReferenceData.of(client.listAll(FINANCE_ACCOUNTS), client.listAll(VAT_CODES), now);
        byConnection.put(connectionId, fresh);
        return fresh;
    }

    /** Forgets a connection's snapshot (e.g. after the chart of accounts was rewritten). */
    public void invalidate(String connectionId) {
        byConnection.remove(connectionId);
    }
}
