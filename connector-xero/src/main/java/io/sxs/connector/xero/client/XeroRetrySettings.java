package io.sxs.connector.xero.client;

import java.time.Duration;

/**
 * How hard the client tries: attempts per call (first try included), exponential backoff bounds, the longest
 * Retry-After it will sleep through (a longer one, e.g. a spent daily quota, is reported instead), and the
 * per-request timeout.
 */
public record XeroRetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                Duration maxRetryAfter, Duration requestTimeout) {

    public static XeroRetrySettings defaults() {
        return new XeroRetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    /** Quick retries for tests against a local sandbox. */
    public static XeroRetrySettings fast() {
        return new XeroRetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }
}
