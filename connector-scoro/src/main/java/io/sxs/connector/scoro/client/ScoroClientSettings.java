package io.sxs.connector.scoro.client;

import java.time.Duration;

/**
 * Tunables of the Scoro client.
 *
 * @param maxAttempts        attempts per retried call (first try included)
 * @param baseBackoff        first back-off; doubles per attempt up to {@code maxBackoff}
 * @param maxBackoff         cap of one back-off
 * @param maxRateLimitWait   a 429 whose reset is further away than this is not waited for inline; the call fails
 *                           RATE_LIMITED and the runtime parks the connection
 * @param requestTimeout     per-request timeout
 * @param referenceMinRefresh an unknown account/VAT id refreshes the reference cache at most this often, so a bad id
 *                           in every document cannot spend the daily quota
 * @param maxBudgetWait      the longest a call waits for the site's budget before it is reported throttled
 */
public record ScoroClientSettings(int maxAttempts, Duration baseBackoff, Duration maxBackoff, Duration maxRateLimitWait,
                                  Duration requestTimeout, Duration referenceMinRefresh, Duration maxBudgetWait) {

    public static ScoroClientSettings defaults() {
        return new ScoroClientSettings(4, Duration.ofMillis(500), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(3));
    }

    /**
     * For the pipeline, where a scheduler paces the calls: no sleeping on a 429 (the budget keeps the reset and the
     * scheduler waits without holding a worker), brief retries of 5xx.
     */
    public static ScoroClientSettings paced() {
        return new ScoroClientSettings(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(3));
    }

    /** Fast settings for tests: tiny back-offs, no refresh throttling. */
    public static ScoroClientSettings fast() {
        return new ScoroClientSettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(3));
    }
}
