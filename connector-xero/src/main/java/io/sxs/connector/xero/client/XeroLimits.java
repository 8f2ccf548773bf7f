package io.sxs.connector.xero.client;

import io.sxs.connector.budget.RateBudget;
import java.time.Duration;

/**
 * Xero's published limits (per organisation and app: 5 calls in flight, 60 a minute, 5,000 a day; per app: 10,000 a
 * minute across organisations), and the share of the daily quota that polls may spend. Set lower figures for an
 * organisation on the Starter tier (1,000 a day) or for an app whose minute limit is shared by several instances.
 */
public record XeroLimits(int concurrent, int perMinute, int perDay, int appPerMinute, double pollShare) {

    /** One second on top of the minute: the API counts a call when it arrives, we count from its reply. */
    static final Duration MINUTE_WINDOW = Duration.ofSeconds(61);

    public static XeroLimits xeroDefaults() {
        return new XeroLimits(5, 60, 5000, 10_000, 0.5);
    }

    RateBudget.Limits budgetLimits() {
        return new RateBudget.Limits(concurrent, perMinute, MINUTE_WINDOW, perDay, pollShare);
    }
}
