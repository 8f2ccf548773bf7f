package io.sxs.sandbox.xero;

/**
 * Xero's API limits: per tenant and app, {@code concurrent} calls in flight, {@code perMinute} and {@code perDay};
 * per app across tenants, {@code appPerMinute}.
 */
public record XeroRateLimits(int concurrent, int perMinute, int perDay, int appPerMinute) {

    /** The published limits: 5 concurrent, 60 per minute, 5,000 per day, 10,000 per minute per app. */
    public static XeroRateLimits xeroDefaults() {
        return new XeroRateLimits(5, 60, 5000, 10_000);
    }

    /** No limits (headers still sent, with very large numbers). */
    public static XeroRateLimits unlimited() {
        return new XeroRateLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE);
    }
}
