package io.sxs.connector.xero.client;

import java.time.Duration;

/**
 * How hard the client tries: attempts per call (first try included), exponential backoff bounds, the longest
 * Retry-After it will sleep through (a longer one, e.g. a spent daily quota, is reported instead), the per-request
 * timeout, and the longest it waits for the organisation's budget before it reports the call throttled.
 */
public record XeroRetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff,
                                Duration maxRetryAfter, Duration requestTimeout, Duration maxBudgetWait) {

    public XeroRetrySettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
                             Duration requestTimeout) {
        this(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, requestTimeout, Duration.ofSeconds(2));
    }

    public static XeroRetrySettings defaults() {
        return new XeroRetrySettings(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    /**
     * For the pipeline, where a scheduler paces the calls: it never sleeps on a 429 (the budget keeps the
     * Retry-After and the scheduler waits without holding a worker) and retries 5xx briefly.
     */
    public static XeroRetrySettings paced() {
        return new XeroRetrySettings(3, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** Quick retries for tests against a local sandbox. */
    public static XeroRetrySettings fast() {
        return new XeroRetrySettings(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }
}
