package io.sxs.connector.budget;

import java.time.Instant;

/**
 * A budget as an operator sees it.
 *
 * @param parkedUntil    set while a Retry-After or the daily quota stops calls (every call, or reads only while the
 *                       last calls of the day are kept for writes); null when calls may go
 * @param reason         why it is parked and what still goes, in words (null when not parked)
 * @param inFlight       calls in flight now
 * @param windowUsed     calls counted in the short window (Xero: the last minute; Scoro: its reported window)
 * @param windowLimit    the short window's limit
 * @param dayRemaining   calls left today as last known (reported by the API, minus calls since), or -1 unknown
 * @param dayLimit       the daily limit
 * @param calls          calls made through this budget since start
 * @param throttled      429 replies seen since start
 */
public record BudgetStatus(Instant parkedUntil, String reason, int inFlight, long windowUsed, long windowLimit,
                           long dayRemaining, long dayLimit, long calls, long throttled) {
}
